package com.bffaccounting.gate.io;

/** Background threads the suite starts for itself: named, and never what keeps a JVM alive. */
public final class Daemons {
    private Daemons() {
    }

    /** Runs {@code work} on a new daemon thread called {@code name}, and returns that thread. */
    public static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
