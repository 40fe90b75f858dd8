package com.bffaccounting.gate.checklist;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleTag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every checklist ID has a scenario; every ID-shaped tag names a real ID; names read like the checklist. */
class ChecklistTraceabilityTest {
    private static final ChecklistCatalog CATALOG = ChecklistCatalog.load();
    private static final List<Envelope> ENVELOPES = new ArrayList<>();

    @BeforeAll
    static void parseFeatures() throws IOException {
        GherkinParser parser = GherkinParser.builder().build();
        try (Stream<Path> files = Files.list(Path.of("features"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".feature")).sorted().toList()) {
                parser.parse(file).forEach(ENVELOPES::add);
            }
        }
        assertThat(ENVELOPES).as("parsed features/").isNotEmpty();
        assertThat(ENVELOPES.stream().filter(e -> e.getParseError().isPresent()).toList()).as("Gherkin parse errors").isEmpty();
    }

    private static Stream<Pickle> pickles() {
        return ENVELOPES.stream().map(Envelope::getPickle).flatMap(Optional::stream);
    }

    private static Set<String> idTags() {
        return pickles().flatMap(p -> p.getTags().stream()).map(PickleTag::getName)
                .filter(t -> ChecklistCatalog.ID_TAG.matcher(t).matches())
                .map(t -> t.substring(1)).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyChecklistIdHasAScenario() {
        Set<String> covered = idTags();
        List<String> missing = CATALOG.items().stream().map(ChecklistCatalog.Item::id)
                .filter(id -> !covered.contains(id)).toList();
        assertThat(missing).as("checklist IDs without a scenario tagged with them").isEmpty();
    }

    @Test
    void everyIdTagNamesAKnownId() {
        List<String> unknown = idTags().stream().filter(id -> CATALOG.item(id).isEmpty()).toList();
        assertThat(unknown).as("tags that name no checklist ID").isEmpty();
    }

    @Test
    void tagsThatLookAlmostLikeIdsAreRejected() {
        List<String> suspicious = pickles().flatMap(p -> p.getTags().stream()).map(PickleTag::getName)
                .filter(t -> t.matches("@[cCdD][0-9].*") && !ChecklistCatalog.ID_TAG.matcher(t).matches())
                .distinct().toList();
        assertThat(suspicious).as("malformed checklist tags (lower case, trailing text)").isEmpty();
    }

    @Test
    void featureAndScenarioNamesStartWithTheKoreanHeading() {
        List<String> names = new ArrayList<>();
        ENVELOPES.stream().map(Envelope::getGherkinDocument).flatMap(Optional::stream)
                .forEach(d -> d.getFeature().ifPresent(f -> names.add(f.getName())));
        pickles().forEach(p -> names.add(p.getName()));
        List<String> notKorean = names.stream()
                .filter(n -> !n.matches("^(Step \\d+: )?[\\p{IsHangul}A-Za-z/ ]*\\p{IsHangul}.*")).toList();
        assertThat(notKorean).as("names that do not start with the checklist's Korean heading").isEmpty();
    }
}
