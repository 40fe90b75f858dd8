package com.bffaccounting.gate.kube;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Kubeconfigs people really have: each one that cannot work is one line naming the file, the user or the command. */
class KubeconfigFilesTest {
    @TempDir
    Path dir;

    private Path file(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private static String config(String context, String server, String user) {
        return "apiVersion: v1\nkind: Config\nclusters:\n- name: c-" + context + "\n  cluster:\n    server: " + server + "\n"
                + "contexts:\n- name: " + context + "\n  context:\n    cluster: c-" + context + "\n    user: u-" + context + "\n"
                + "current-context: " + context + "\nusers:\n- name: u-" + context + "\n  user:\n" + user;
    }

    private static String oneLine(Runnable load) {
        try {
            load.run();
        } catch (KubeErrors.KubeconfigException e) {
            assertThat(e.getMessage().lines()).hasSize(1);
            assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("io.fabric8");
            return e.getMessage();
        }
        throw new AssertionError("no kubeconfig error");
    }

    @Test
    void aKubeconfigPathListIsMergedAsKubectlMergesIt() throws Exception {
        Path a = file("a", config("prod", "https://prod:6443", "    token: a-token\n"));
        Path b = file("b", config("dev", "https://dev:6443", "    token: b-token\n").replace("current-context: dev\n", ""));
        KubeconfigFiles.Loaded merged = KubeconfigFiles.load(List.of(a, dir.resolve("missing"), b));
        assertThat(merged.source()).isEqualTo(a + ":" + b);
        assertThat(KubeClient.contextOf(merged.yaml(), merged.source(), Optional.empty())).isEqualTo("prod");
        assertThat(KubeClient.contextOf(merged.yaml(), merged.source(), Optional.of("dev"))).isEqualTo("dev");
    }

    @Test
    void aFileThatIsNotYamlOrNotAKubeconfigIsOneLine() throws Exception {
        Path notYaml = file("not-yaml", "apiVersion: v1\nclusters: [\n  - {name: a\n");
        assertThat(oneLine(() -> KubeconfigFiles.load(List.of(notYaml)))).startsWith("kubeconfig " + notYaml + ": not YAML (line");
        Path list = file("list", "- a\n- b\n");
        assertThat(oneLine(() -> KubeconfigFiles.load(List.of(list))))
                .isEqualTo("kubeconfig " + list + ": a YAML list, not a kubeconfig — expected a mapping with clusters, contexts and users (kind: Config)");
        assertThat(oneLine(() -> KubeconfigFiles.load(List.of(dir.resolve("nope"))))).startsWith("kubeconfig: no readable kubeconfig at");
    }

    @Test
    void aMissingExecPluginTokenFileOrCertificateIsNamed() throws Exception {
        String exec = config("eks", "https://eks:443", "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
                + "      command: aws-not-installed-here\n      args: [eks, get-token, --cluster-name, pilot]\n");
        assertThat(oneLine(() -> KubeconfigFiles.check(exec, "cfg", Optional.empty())))
                .isEqualTo("kubeconfig cfg: user 'u-eks' gets its credentials by running 'aws-not-installed-here' (exec plugin),"
                        + " which is not on PATH — install it, or use a kubeconfig with a token");
        String tokenFile = config("p", "https://p:443", "    tokenFile: " + dir.resolve("no-token") + "\n");
        assertThat(oneLine(() -> KubeconfigFiles.check(tokenFile, "cfg", Optional.empty())))
                .isEqualTo("kubeconfig cfg: user 'u-p' reads tokenFile " + dir.resolve("no-token") + ", which does not exist");
        String cert = config("p", "https://p:443", "    client-certificate: /no/such.crt\n    client-key: /no/such.key\n");
        assertThat(oneLine(() -> KubeconfigFiles.check(cert, "cfg", Optional.empty())))
                .isEqualTo("kubeconfig cfg: user 'u-p' reads client-certificate /no/such.crt, which does not exist");
    }

    @Test
    void weakenedConnectionsAreWarnedAboutOnceEach() {
        String insecure = config("p", "https://p:443", "    token: t\n").replace("    server: https://p:443\n",
                "    server: https://p:443\n    insecure-skip-tls-verify: true\n");
        assertThat(KubeconfigFiles.check(insecure, "cfg", Optional.empty())).containsExactly(
                "kubeconfig cfg: cluster 'c-p' skips TLS verification (insecure-skip-tls-verify): the API server's identity is not checked");
        assertThat(KubeconfigFiles.check(config("p", "http://p:8080", "    token: t\n"), "cfg", Optional.empty())).containsExactly(
                "kubeconfig cfg: the credentials of user 'u-p' are sent over plain http:// to p — anyone on the path can read them; use https://");
        assertThat(KubeconfigFiles.check(config("p", "https://p:443", "    token: t\n"), "cfg", Optional.empty())).isEmpty();
    }
}
