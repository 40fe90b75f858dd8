package com.bffaccounting.gate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The contract of {@code verdict.json} ({@code verdict.schema.json}), checked before anyone gates on it. */
public final class VerdictSchema {
    private VerdictSchema() {
    }

    public static final String VERDICT = "verdict.schema.json";
    /** The in-toto Statement v1, with this suite's verdict predicate ({@link VerdictAttestation}). */
    public static final String STATEMENT = "intoto-statement-v1.schema.json";
    /** The merged verdict of several clusters ({@link FleetVerdict}). */
    public static final String FLEET = "fleet-verdict.schema.json";

    /** Empty when {@code verdict} matches the verdict schema; otherwise one line per violation. */
    public static List<String> violations(JsonNode verdict) {
        return violations(verdict, VERDICT);
    }

    /** Empty when {@code document} matches the schema in test resources {@code schemaResource}; otherwise one line per violation. */
    public static List<String> violations(JsonNode document, String schemaResource) {
        try (InputStream schema = VerdictSchema.class.getClassLoader().getResourceAsStream(schemaResource)) {
            if (schema == null) {
                throw new IllegalStateException("no schema " + schemaResource + " on the class path");
            }
            JsonSchema compiled = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            return compiled.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + schemaResource, e);
        }
    }
}
