package com.bffaccounting.gate.target;

import java.net.URI;

/**
 * The BFF under test as the HTTP checks see it: its base URL, how it was reached, whether it is the
 * simulated stand-in, whether it runs on this machine (not behind a port-forward), and where its log
 * can be read (absent when nobody captures it).
 */
public record BffTarget(URI baseUrl, String reachedVia, boolean standIn, boolean onThisMachine, Capability<LogSource> log) {
}
