package com.bffaccounting.gate.config;

import java.util.regex.Pattern;

/** A Service inside the cluster, {@code monitoring/prometheus:9090}. */
public record ServiceRef(String namespace, String name, int port) {
    static final Pattern FORM = Pattern.compile("([a-z0-9-]+)/([a-z0-9-]+):(\\d{1,5})");

    @Override
    public String toString() {
        return namespace + "/" + name + ":" + port;
    }
}
