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

    /** Empty when {@code verdict} matches the schema; otherwise one line per violation. */
    public static List<String> violations(JsonNode verdict) {
        try (InputStream schema = VerdictSchema.class.getClassLoader().getResourceAsStream("verdict.schema.json")) {
            JsonSchema compiled = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            return compiled.validate(verdict).stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read verdict.schema.json", e);
        }
    }
}
