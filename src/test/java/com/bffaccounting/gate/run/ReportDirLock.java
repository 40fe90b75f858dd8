package com.bffaccounting.gate.run;

import com.bffaccounting.gate.config.ConfigException;
import com.bffaccounting.gate.outcome.Causes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * One run per report directory. The run that starts first takes an exclusive lock on
 * {@code <report.dir>/.run.lock} (an OS lock: released when its process ends, however it ends, so no
 * stale lock is ever left to clean) and writes who it is: a run id, its pid and its start. The
 * processes of the same run (Maven holds the lock, the checklist's JVM is its child) join it; any
 * other run on that directory stops at once, naming the run that holds it.
 *
 * <p>The run id goes into verdict.json, and the gate decides on a verdict only when it carries the id
 * of the run that holds the directory: results of different runs never mix.
 */
public final class ReportDirLock implements AutoCloseable {
    static final String FILE = ".run.lock";
    /** A run writes a report of a few MB (Allure's single file, its results, verdict.json); less free space than this fails it later. */
    static final long MIN_FREE_BYTES = 16L * 1024 * 1024;
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Who holds a report directory. */
    public record Holder(String runId, long pid, Instant started) {
        String words() {
            return "run " + runId + " (pid " + pid + ", started " + started.truncatedTo(ChronoUnit.SECONDS) + ")";
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Holder holder;

    private ReportDirLock(Path file, FileChannel channel, FileLock lock, Holder holder) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
    }

    /**
     * Takes {@code reportDir} for a new run of this process, or joins the run of an ancestor process that
     * holds it. A directory that cannot be used — a file, not writable, on a full disk — or one another
     * run holds is a {@link ConfigException} of one line.
     */
    public static ReportDirLock acquire(Path reportDir) {
        return acquire(reportDir, MIN_FREE_BYTES);
    }

    static ReportDirLock acquire(Path reportDir, long minFreeBytes) {
        Path dir = reportDir.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw unusable(dir, "is a file, not a directory");
        }
        Path file = dir.resolve(FILE);
        FileChannel channel;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw unusable(dir, "cannot be written (" + Causes.describe(e) + ")");
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it already: treated as held by this process, below
        } catch (IOException e) {
            closeQuietly(channel);
            throw unusable(dir, "cannot be locked (" + Causes.describe(e) + ")");
        }
        if (lock == null) {
            closeQuietly(channel);
            Optional<Holder> holder = holderOf(dir);
            if (holder.isPresent() && isThisProcessOrAnAncestor(holder.get().pid())) {
                return new ReportDirLock(file, null, null, holder.get());
            }
            throw new ConfigException("report.dir: " + dir + " is in use by " + holder.map(Holder::words).orElse("another run")
                    + " — wait for it to end, or give this run a directory of its own: -Dreport.dir=reports-2");
        }
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < minFreeBytes) {
                throw unusable(dir, "is on a disk with " + free / (1024 * 1024) + " MB free; a run's report needs at least "
                        + minFreeBytes / (1024 * 1024) + " MB");
            }
            Holder holder = new Holder(newRunId(), ProcessHandle.current().pid(), Instant.now());
            byte[] content = ("runId=" + holder.runId() + "\npid=" + holder.pid() + "\nstarted=" + holder.started() + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(content), 0);
            channel.force(true);
            return new ReportDirLock(file, channel, lock, holder);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof ConfigException config) {
                throw config;
            }
            throw unusable(dir, "cannot be written (" + Causes.describe(e) + ")");
        }
    }

    /** Who holds {@code reportDir} now, as its lock file says; empty when no run has written one. */
    public static Optional<Holder> holderOf(Path reportDir) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(reportDir.resolve(FILE), StandardCharsets.UTF_8)) {
            properties.load(in);
            return Optional.of(new Holder(properties.getProperty("runId"), Long.parseLong(properties.getProperty("pid")),
                    Instant.parse(properties.getProperty("started"))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // being written, or not ours: "another run"
        }
    }

    /** "20261201T124530Z-4711-9f3c": when, which process, and enough randomness that two runs never share one. */
    static String newRunId() {
        byte[] random = new byte[2];
        new SecureRandom().nextBytes(random);
        return ID_TIME.format(Instant.now()) + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }

    private static boolean isThisProcessOrAnAncestor(long pid) {
        for (Optional<ProcessHandle> p = Optional.of(ProcessHandle.current()); p.isPresent(); p = p.get().parent()) {
            if (p.get().pid() == pid) {
                return true;
            }
        }
        return false;
    }

    private static ConfigException unusable(Path dir, String problem) {
        return new ConfigException("report.dir: " + dir + " " + problem + " — give a writable directory: -Dreport.dir=PATH");
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }

    public Holder holder() {
        return holder;
    }

    /** Whether this process took the directory (rather than joining the run of its parent). */
    public boolean owned() {
        return lock != null;
    }

    /** Releases the directory, when this process took it: its lock file goes, and the next run may start. */
    @Override
    public void close() {
        if (lock == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS releases the lock when the process ends in any case
        }
    }
}
