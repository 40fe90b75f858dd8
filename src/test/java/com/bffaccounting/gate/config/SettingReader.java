package com.bffaccounting.gate.config;

import com.bffaccounting.gate.config.Setting.Target;
import com.bffaccounting.gate.evidence.Redactor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads declared {@link Setting}s from a {@link SettingSource}. Each bad value is recorded as one line
 * (setting, value, what to do) instead of thrown, so that a run with three mistakes reports all three at
 * once; a setting given for a target it does not apply to is one of those lines.
 */
public final class SettingReader {
    private final SettingSource source;
    private final List<String> errors = new ArrayList<>();
    /** What was read from somewhere other than its default, secrets masked. */
    private final Map<String, Given> given = new LinkedHashMap<>();

    /** A setting's value as it may be shown, and where it came from. */
    public record Given(String shown, SettingSource.Origin origin) {
    }

    public SettingReader(SettingSource source) {
        this(source, true);
    }

    /** @param judgeNames whether unknown names and misplaced switches are this reader's errors (a run's) or not (one value's) */
    private SettingReader(SettingSource source, boolean judgeNames) {
        this.source = source;
        if (judgeNames) {
            errors.addAll(source.problems());
        }
    }

    public SettingSource source() {
        return source;
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** The settings this run took from -D, the environment or a properties file. */
    public Map<String, Given> given() {
        return Map.copyOf(given);
    }

    /**
     * One setting of this process, for the few places that need it outside a run's {@link Settings} (how
     * reasons and Allure results are written); an invalid value is the run's error to report, here its default.
     */
    public static <T> T ofProcess(Setting<T> setting) {
        // the run judges its names once (Settings.load); reading one value need not judge them again
        return new SettingReader(SettingSource.fromProcess(), false).get(setting);
    }

    /** The same for a setting without a default: empty when it is not given. */
    public static <T> Optional<T> optionalOfProcess(Setting<T> setting) {
        return new SettingReader(SettingSource.fromProcess(), false).optional(setting);
    }

    /** The value, or the declared default when it is not given or not valid (the error is recorded). */
    public <T> T get(Setting<T> setting) {
        return optional(setting).orElseGet(() -> setting.type().parse(setting.defaultText()
                .orElseThrow(() -> new IllegalStateException(setting.name() + " has no default; read it with optional()"))));
    }

    public <T> Optional<T> optional(Setting<T> setting) {
        return read(setting.name(), setting);
    }

    /** One member of a family such as {@code bff.env.NAME}. */
    public <T> Optional<T> member(Setting<T> family, String name) {
        return read(name, family);
    }

    private <T> Optional<T> read(String name, Setting<T> setting) {
        Optional<String> text = source.lookup(name).filter(v -> !v.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String shown = shown(setting, name, text.get());
        source.origin(name).ifPresent(origin -> given.put(name, new Given(shown, origin)));
        try {
            return Optional.of(setting.type().parse(text.get()));
        } catch (SettingType.Rejected e) {
            errors.add(name + ": " + (e.quotesValue() ? "'" + shown + "' " : "") + e.getMessage());
            return Optional.empty();
        }
    }

    private static String shown(Setting<?> setting, String name, String value) {
        return setting.isSecret() ? Redactor.MASK : SecretSettings.mask(name, value);
    }

    /**
     * A setting given explicitly (-D or the environment) for a target it does not apply to is refused: it
     * would be silently ignored, and the run would judge something other than what its user asked for.
     */
    void refuseInapplicable(Target target) {
        for (Setting<?> setting : SettingsCatalog.all()) {
            if (setting.appliesTo(target)) {
                continue;
            }
            List<String> names = setting == SettingsCatalog.BFF_ENV ? List.copyOf(source.keysStartingWith("bff.env."))
                    : List.of(setting.name());
            for (String name : names) {
                if (source.lookup(name).filter(v -> !v.isEmpty()).isEmpty()) {
                    continue; // given empty is not given: nothing is asked of this env
                }
                source.origin(name).filter(o -> o.layer() != SettingSource.Layer.ENV_FILE).ifPresent(origin -> errors.add(name
                        + ": applies to " + setting.targetWords() + ", not to " + target.words() + " (given by " + origin.words()
                        + ") — remove it, or run the env it is for"));
            }
        }
    }

    public void require(boolean condition, String message) {
        if (!condition) {
            errors.add(message);
        }
    }

    public void error(String message) {
        errors.add(message);
    }
}
