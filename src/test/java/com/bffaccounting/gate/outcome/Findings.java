package com.bffaccounting.gate.outcome;

import java.util.ArrayList;
import java.util.List;

/**
 * What one check found over many subjects (tenants, sources, pods): each subject passes, fails, or
 * cannot be decided. {@link #conclude()} throws the one typed outcome they add up to — a FAIL when any
 * subject failed, otherwise INCONCLUSIVE when any could not be decided — with one message in the
 * shape every check uses: "N of M … — subject: detail; …".
 */
public final class Findings {
    /** Enough detail to act on, without making a 1,000-tenant run a 1,000-line message. */
    static final int MAX_DETAILS = 20;

    public record Finding(String subject, CheckStatus status, String detail) {
    }

    private final String population;
    private final List<Finding> findings = new ArrayList<>();
    private int total;

    /** @param population what the subjects are, as the message should say ("tenants that must be let through the pilot gate") */
    public Findings(String population) {
        this.population = population;
    }

    public Findings pass(String subject) {
        total++;
        return this;
    }

    public Findings fail(String subject, String detail) {
        return add(subject, CheckStatus.FAIL, detail);
    }

    public Findings inconclusive(String subject, String detail) {
        return add(subject, CheckStatus.INCONCLUSIVE, detail);
    }

    public Findings add(String subject, CheckStatus status, String detail) {
        total++;
        if (status != CheckStatus.PASS) {
            findings.add(new Finding(subject, status, detail));
        }
        return this;
    }

    public int total() {
        return total;
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public CheckStatus status() {
        return findings.stream().map(Finding::status).reduce(CheckStatus.PASS, CheckStatus::worse);
    }

    /** Returns when every subject passed; otherwise throws {@link CheckFailed} or {@link Inconclusive}. */
    public void conclude() {
        List<Finding> failed = of(CheckStatus.FAIL);
        List<Finding> undecided = of(CheckStatus.INCONCLUSIVE);
        if (!failed.isEmpty()) {
            throw new CheckFailed(line(failed) + (undecided.isEmpty() ? "" : "; could not decide " + undecided.size()
                    + " more — " + details(undecided)));
        }
        if (!undecided.isEmpty()) {
            throw new Inconclusive(line(undecided));
        }
    }

    private List<Finding> of(CheckStatus status) {
        return findings.stream().filter(f -> f.status() == status).toList();
    }

    private String line(List<Finding> subset) {
        return format(subset.size(), total, population, details(subset));
    }

    private static String details(List<Finding> subset) {
        List<String> parts = subset.stream().limit(MAX_DETAILS).map(f -> f.subject() + ": " + f.detail()).toList();
        return String.join("; ", parts) + (subset.size() > MAX_DETAILS ? " … and " + (subset.size() - MAX_DETAILS) + " more" : "");
    }

    /** The one shape of a many-subject message: "2 of 5 sources are behind — bank-sbx: last synced 6m ago; …". */
    public static String format(int count, int total, String population, String details) {
        return count + " of " + total + " " + population + (details.isEmpty() ? "" : " — " + details);
    }
}
