package com.bffaccounting.gate.sync;

import java.util.Optional;

/** One external source's value for one SLO, and what is wrong with it (empty when within the SLO). */
public record SourceFinding(String source, double value, Optional<String> problem) {
}
