package com.bffaccounting.gate.sut;

import com.bffaccounting.gate.logs.LogSource;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The BFF under test as the HTTP checks see it: its base URL, how it was reached, whether it runs on this machine (not behind a port-forward), and where its log
 * can be read (absent when nobody captures it).
 */
public record BffTarget(URI baseUrl, String reachedVia, boolean onThisMachine, Capability<LogSource> log,
                        Optional<String> portForwardTo, Supplier<Optional<String>> transportRefusal) {

    /** A BFF reached directly (not through a port-forward). */
    public BffTarget(URI baseUrl, String reachedVia, boolean onThisMachine, Capability<LogSource> log) {
        this(baseUrl, reachedVia, onThisMachine, log, Optional.empty(), Optional::empty);
    }
}
