package com.bffaccounting.gate.bench;

import com.bffaccounting.gate.metrics.MetricsSnapshot;
import com.bffaccounting.gate.metrics.PrometheusTextParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Throughput of the metrics reader on a realistic scrape: 10,000 lines of counters with four labels
 * (one escaped), histograms and comments. Target: at least 100k lines/s. Run with
 * {@code java -cp <test classpath> org.openjdk.jmh.Main PrometheusTextParserBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PrometheusTextParserBenchmark {
    public static final int LINES = 10_000;
    private String scrape;

    @Setup
    public void buildScrape() {
        StringBuilder sb = new StringBuilder();
        int lines = 0;
        sb.append("# HELP http_requests_total Total number of HTTP requests\n# TYPE http_requests_total counter\n");
        lines += 2;
        int i = 0;
        while (lines < LINES - 200) {
            sb.append("http_requests_total{method=\"GET\",route=\"/v1/accounting/:resource\",code=\"")
                    .append(i % 2 == 0 ? "200" : "403").append("\",tenant=\"tenant-").append(i).append("\\\"x\\\"\"} ")
                    .append(i * 7).append('\n');
            i++;
            lines++;
        }
        sb.append("# TYPE latency_seconds histogram\n");
        lines++;
        while (lines < LINES) {
            sb.append("latency_seconds_bucket{le=\"").append(lines % 10 == 0 ? "+Inf" : "0." + (lines % 10)).append("\"} ")
                    .append(lines).append('\n');
            lines++;
        }
        scrape = sb.toString();
    }

    /** One call parses {@value #LINES} lines: lines/s = this score × 10,000. */
    @Benchmark
    public MetricsSnapshot parseTenThousandLines() {
        return PrometheusTextParser.parse(scrape);
    }
}
