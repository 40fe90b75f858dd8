package com.bffaccounting.gate.sim;

import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.model.ImageReference;
import com.bffaccounting.gate.sim.cluster.PodFate;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the simulated node does with a pod's image: the pilot tag's pods as the run's rollout fault has them
 * ({@link FaultEffects#pilotPods}); any other image pulled if the registry holds it (or the node already does), else
 * a pull that fails as a real one would say.
 */
final class SimImages {
    private SimImages() {
    }

    /** The fate of each image, for the simulated kubelet. The nodes already hold the pilot image: it was deployed before. */
    static Function<String, PodFate> fates(Settings settings, FaultEffects faults, SimRegistry registry, String repoPath) {
        String pilotImage = settings.artifacts.image();
        Set<String> nodeCache = Set.of(pilotImage);
        Optional<PodFate> pilotFate = faults.pilotPods();
        return image -> fateOf(image, pilotImage, pilotFate, faults.pilotPodsReadyAfter, registry, repoPath, nodeCache);
    }

    private static PodFate fateOf(String image, String pilotImage, Optional<PodFate> pilotFate, Duration pilotStarts,
                                  SimRegistry registry, String repoPath, Set<String> nodeCache) {
        boolean pilot = image.equals(pilotImage);
        if (pilot && pilotFate.isPresent()) {
            return pilotFate.get();
        }
        ImageReference reference = ImageReference.parseReference(image);
        String tag = reference.tag();
        boolean pinnedElsewhere = reference.pinnedDigest().filter(d -> !d.equals(registry.digestOf(repoPath, tag))).isPresent();
        // a pull by digest finds only that manifest: a node has never held an image of a digest the registry lacks
        if (pinnedElsewhere || (!nodeCache.contains(image) && !registry.holds(repoPath, tag))) {
            return PodFate.pullFails("manifest unknown: " + image + " not found");
        }
        return PodFate.runs(pilot ? pilotStarts : Duration.ofMillis(200));
    }

}
