package com.bffaccounting.gate.gating;

import com.bffaccounting.gate.config.GatingSettings;

import java.util.List;
import java.util.Locale;

/** The kinds of tenant the gating scenarios probe, each resolved from settings, never from the feature. */
public enum TenantKind {
    /** On the allowlist: must pass the gate. */
    PILOT("pilot"),
    /** Configured non-pilot tenants: must be refused. */
    NON_PILOT("non-pilot"),
    /** Allowlisted names in another letter case ({@code DEFAULT}): the match is case-sensitive, so refused. */
    CASE_VARIANT("case-variant");

    private final String label;

    TenantKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public List<String> tenants(GatingSettings gating) {
        switch (this) {
            case PILOT:
                return gating.allowlist();
            case NON_PILOT:
                return gating.nonPilotTenants();
            default:
                return gating.allowlist().stream()
                        .map(t -> t.toUpperCase(Locale.ROOT))
                        .filter(t -> !gating.allowlist().contains(t))
                        .distinct()
                        .toList();
        }
    }

    public static TenantKind parse(String label) {
        for (TenantKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown tenant kind '" + label + "' (pilot, non-pilot, case-variant)");
    }
}
