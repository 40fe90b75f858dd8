package com.bffaccounting.gate.run;

import com.fasterxml.jackson.databind.JsonNode;

/** Test access to {@link GateCheck}'s decision, which is package-private so the gate's main stays the only entry point. */
public final class GateCheckAccess {
    private GateCheckAccess() {
    }

    public static String decide(JsonNode verdict, boolean failOnIncomplete) {
        return GateCheck.decide(verdict, failOnIncomplete);
    }
}
