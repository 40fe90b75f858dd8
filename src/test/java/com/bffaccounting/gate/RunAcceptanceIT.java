package com.bffaccounting.gate;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The checklist: every feature under {@code features/}, run by Failsafe ({@code ./mvnw verify}).
 * Glue, plugins and naming are configured in {@code junit-platform.properties}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
public class RunAcceptanceIT {
}
