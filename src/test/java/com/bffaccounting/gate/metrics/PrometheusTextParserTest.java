package com.bffaccounting.gate.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrometheusTextParserTest {

    @Test
    void readsCounterWithLabelsHelpAndType() {
        MetricsSnapshot s = PrometheusTextParser.parse("""
                # HELP http_requests_total Total requests.
                # TYPE http_requests_total counter
                http_requests_total{method="GET",code="200",tenant="default"} 3
                http_requests_total{method="GET",code="403",tenant="pilot-b"} 1e0
                """);
        MetricFamily family = s.family("http_requests_total").orElseThrow();
        assertThat(family.type()).isEqualTo(MetricFamily.Type.COUNTER);
        assertThat(family.help()).isEqualTo("Total requests.");
        assertThat(s.samples("http_requests_total")).hasSize(2);
        assertThat(s.sum("http_requests_total", x -> "pilot-b".equals(x.label("tenant")))).isEqualTo(1.0);
    }

    @Test
    void unescapesLabelValuesAndKeepsNonAscii() {
        MetricsSnapshot s = PrometheusTextParser.parse(
                "m{path=\"C:\\\\dir\",quote=\"say \\\"hi\\\"\",nl=\"a\\nb\",ko=\"회계 동기화\"} 1\n");
        Sample sample = s.samples("m").get(0);
        assertThat(sample.label("path")).isEqualTo("C:\\dir");
        assertThat(sample.label("quote")).isEqualTo("say \"hi\"");
        assertThat(sample.label("nl")).isEqualTo("a\nb");
        assertThat(sample.label("ko")).isEqualTo("회계 동기화");
    }

    @Test
    void readsSpecialValuesAndTimestamps() {
        MetricsSnapshot s = PrometheusTextParser.parse("""
                a +Inf
                b -Inf
                c NaN
                d 1.5 1700000000000
                e{x="1",} 2
                """);
        assertThat(s.samples("a").get(0).value()).isInfinite().isPositive();
        assertThat(s.samples("b").get(0).value()).isInfinite().isNegative();
        assertThat(s.samples("c").get(0).value()).isNaN();
        assertThat(s.samples("d").get(0).timestampMs()).hasValue(1700000000000L);
        assertThat(s.samples("e").get(0).label("x")).isEqualTo("1");
    }

    @Test
    void groupsHistogramAndSummarySeriesUnderTheirFamily() {
        MetricsSnapshot s = PrometheusTextParser.parse("""
                # TYPE latency histogram
                latency_bucket{le="0.1"} 1
                latency_bucket{le="+Inf"} 4
                latency_sum 0.9
                latency_count 4
                # TYPE rpc summary
                rpc{quantile="0.5"} 0.2
                rpc_sum 10
                rpc_count 50
                """);
        assertThat(s.family("latency").orElseThrow().samples()).hasSize(4);
        assertThat(s.samples("latency_bucket").get(1).label("le")).isEqualTo("+Inf");
        assertThat(s.family("rpc").orElseThrow().type()).isEqualTo(MetricFamily.Type.SUMMARY);
        assertThat(s.family("rpc").orElseThrow().samples()).hasSize(3);
    }

    @Test
    void untypedSamplesCommentsBlankLinesAndCrLf() {
        MetricsSnapshot s = PrometheusTextParser.parse("# a comment\r\n\r\nplain_metric 7\r\n\n# TYPE declared_only gauge\n");
        assertThat(s.family("plain_metric").orElseThrow().type()).isEqualTo(MetricFamily.Type.UNTYPED);
        assertThat(s.samples("plain_metric").get(0).value()).isEqualTo(7.0);
        assertThat(s.family("declared_only")).isPresent();
        assertThat(s.has("declared_only")).isFalse();
    }

    @Test
    void malformedLinesNameTheLine() {
        assertThatThrownBy(() -> PrometheusTextParser.parse("ok 1\nbad{x=\"1\" 2\n"))
                .hasMessageContaining("metrics line 2");
        assertThatThrownBy(() -> PrometheusTextParser.parse("m not-a-number\n"))
                .hasMessageContaining("is not a number");
        assertThatThrownBy(() -> PrometheusTextParser.parse("m{x=\"unterminated} 1\n"))
                .hasMessageContaining("unterminated label value");
        assertThatThrownBy(() -> PrometheusTextParser.parse("# TYPE m blob\n"))
                .hasMessageContaining("unknown metric type");
    }
}
