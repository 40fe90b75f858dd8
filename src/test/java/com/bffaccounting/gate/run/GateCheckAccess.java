package com.bffaccounting.gate.run;

import com.bffaccounting.gate.report.Verdict;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test access to {@link GateCheck}'s decision, which is package-private so the gate's main stays the only entry point. */
public final class GateCheckAccess {
    private GateCheckAccess() {
    }

    /** The gate's reason to stay shut, or null when it opens; read from verdict.json's JSON, as the gate reads it. */
    public static String decide(JsonNode verdict, boolean failOnIncomplete) throws JsonProcessingException {
        return GateCheck.decide(new ObjectMapper().treeToValue(verdict, Verdict.class), failOnIncomplete).orElse(null);
    }
}
