package com.bffaccounting.gate.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where the checklist runs. Features never branch on it: it only decides how targets are built. */
public enum Env {
    /** The embedded simulated pilot: SimBff in-process, no cluster, no Docker. */
    SIM,
    /** A BFF on this machine, already running or started by the suite. No Kubernetes. */
    LOCAL,
    /** The kubeconfig's cluster. */
    CLUSTER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Env parse(String value) {
        return Arrays.stream(values())
                .filter(e -> e.id().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new ConfigException("env: '" + value + "' is not one of "
                        + Arrays.stream(values()).map(Env::id).collect(Collectors.joining(", "))
                        + " — run with -Denv=sim (default), -Denv=local or -Denv=cluster"));
    }
}
