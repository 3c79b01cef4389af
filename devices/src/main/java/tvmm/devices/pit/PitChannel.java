package tvmm.devices.pit;

/**
 * One counter of the Intel 8254 (datasheet 231164, "8254 Programmable Interval Timer"),
 * computed from the input clock instead of ticked: the state records when the counting
 * element was last loaded ({@link #runStart}, in PIT clock ticks) and with what count, and
 * the count, OUT and the next OUT rising edge are functions of the current tick.
 *
 * <p>The count is loaded into the counting element on the first CLK pulse after the
 * write (or after the gate trigger in modes 1 and 5), so a run starts one tick after the
 * event, as the datasheet's waveforms show. All methods are called with the
 * {@link Pit8254}'s monitor held.
 */
final class PitChannel {
    // Control word fields (datasheet "Control Word Format").
    static final int RW_LATCH = 0;
    static final int RW_LSB = 1;
    static final int RW_MSB = 2;
    static final int RW_LSB_MSB = 3;
    // Read-back status byte.
    static final int STATUS_OUT = 0x80;
    static final int STATUS_NULL_COUNT = 0x40;

    final int index;
    int mode;            // 0..5
    boolean bcd;
    int rwMode = RW_LSB_MSB;
    boolean gate;

    int countRegister;   // CR as written, raw (BCD digits when bcd)
    boolean writeMsbNext;
    int writeLsb;        // first byte of an LSB/MSB pair
    boolean readMsbNext;
    boolean nullCount = true;

    boolean waitingForCount = true; // control word written, no count yet
    boolean running;                // the counting element holds a count and counts
    long runStart;                  // tick at which the current count was loaded
    int runCount;                   // that count in binary units, 1..65536 (or 10000 BCD)
    boolean terminalDone;           // modes 0/4: terminal count already passed in this run
    boolean pendingReload;          // modes 2/3: a new count waits for the period (mode 3: half) end
    long pendingAt;
    boolean pendingLow;             // mode 3: the new count starts with the low half
    int frozenValue;                // count shown while not running (binary units)
    boolean frozenOut = true;

    int latchedCount = -1;          // output latch (raw 16 bits) or -1
    boolean latchMsbNext;
    int latchedStatus = -1;

    PitChannel(int index) {
        this.index = index;
    }

    int wrap() {
        return bcd ? 10000 : 0x10000;
    }

    /** The count register in binary units; 0 means the maximum count. */
    int initialCount() {
        int n = bcd ? fromBcd(countRegister) : countRegister;
        return n == 0 ? wrap() : n;
    }

    static int fromBcd(int v) {
        return (v & 0xF) + ((v >> 4) & 0xF) * 10 + ((v >> 8) & 0xF) * 100 + ((v >> 12) & 0xF) * 1000;
    }

    static int toBcd(int v) {
        return (v % 10) | ((v / 10 % 10) << 4) | ((v / 100 % 10) << 8) | ((v / 1000 % 10) << 12);
    }

    /** Control word for this counter: mode set, OUT to its initial state, count awaited. */
    void control(int rw, int newMode, boolean newBcd) {
        rwMode = rw;
        mode = newMode > 5 ? newMode - 4 : newMode; // modes 6 and 7 are 2 and 3
        bcd = newBcd;
        writeMsbNext = false;
        readMsbNext = false;
        nullCount = true;
        waitingForCount = true;
        running = false;
        pendingReload = false;
        terminalDone = false;
        frozenOut = mode != 0; // mode 0: OUT low after the control word, others high
        frozenValue = 0;
    }

    /** Applies any reload whose time has come (modes 2/3: the period that was running ended). */
    void normalize(long tick) {
        if (pendingReload && tick >= pendingAt) {
            pendingReload = false;
            int count = initialCount();
            startRun(pendingAt - 1, count);
            if (pendingLow) {
                runStart -= highHalf(count); // enter the new count's period at its low half
            }
        }
    }

    private void startRun(long eventTick, int count) {
        running = true;
        runStart = eventTick + 1;
        runCount = count;
        terminalDone = false;
        nullCount = false;
    }

    /** A complete new count has been written at {@code tick}. */
    void countWritten(long tick) {
        boolean first = waitingForCount;
        waitingForCount = false;
        nullCount = true;
        switch (mode) {
            case 0, 4 -> {
                // Loaded on the next CLK; gate low only stops counting.
                startRun(tick, initialCount());
                if (!gate) {
                    freeze(tick);
                }
            }
            case 1, 5 -> {
                // Waits for a gate trigger; a running one-shot is not disturbed.
                if (!running) {
                    frozenValue = initialCount() % wrap();
                }
            }
            default -> { // 2, 3
                if (first || !running) {
                    if (gate) {
                        startRun(tick, initialCount());
                    }
                } else {
                    // Mode 2: the new count takes effect when the current period ends.
                    // Mode 3: at the end of the current half-cycle, where OUT toggles.
                    long e = Math.max(0, tick - runStart);
                    long periodStart = runStart + e / runCount * runCount;
                    long phase = e % runCount;
                    pendingReload = true;
                    pendingLow = mode == 3 && phase < highHalf(runCount);
                    pendingAt = pendingLow ? periodStart + highHalf(runCount) : periodStart + runCount;
                }
            }
        }
    }

    /** Mode 0/4 first byte of a two-byte count: counting stops (mode 0: OUT goes low). */
    void firstByteWritten(long tick) {
        if (mode == 0 && !waitingForCount) {
            freeze(tick);
            frozenOut = false;
        }
    }

    private void freeze(long tick) {
        if (running) {
            frozenValue = value(tick);
            frozenOut = out(tick);
            terminalDone = terminalDone || tick - runStart >= runCount + (mode == 4 ? 1 : 0);
            running = false;
        }
    }

    void setGate(boolean level, long tick) {
        normalize(tick);
        boolean rising = level && !gate;
        boolean falling = !level && gate;
        gate = level;
        if (waitingForCount) {
            return;
        }
        switch (mode) {
            case 0, 4 -> {
                if (falling) {
                    freeze(tick);
                } else if (rising && !running) {
                    // Resume from the frozen count; a passed terminal count stays passed.
                    boolean done = terminalDone;
                    int v = frozenValue == 0 ? wrap() : frozenValue;
                    startRun(tick - 1, v);
                    terminalDone = done;
                }
            }
            case 1, 5 -> {
                if (rising) {
                    startRun(tick, initialCount()); // trigger: (re)load on the next CLK
                }
            }
            default -> {
                if (falling) {
                    frozenValue = running ? value(tick) : frozenValue;
                    frozenOut = true; // gate low forces OUT high at once
                    running = false;
                    pendingReload = false;
                } else if (rising) {
                    startRun(tick, initialCount());
                }
            }
        }
    }

    /** The counting element in binary units (what a latch would capture). */
    int value(long tick) {
        if (!running || tick < runStart) {
            return running ? runCount % wrap() : frozenValue;
        }
        long e = tick - runStart;
        int w = wrap();
        return switch (mode) {
            case 2 -> (int) ((runCount - e % runCount) % w);
            case 3 -> {
                // Counts down by two each CLK within each half period. For an odd count
                // the chip loads count-1 first; the value read is that even sequence.
                int even = runCount & ~1;
                long half = highHalf(runCount);
                long phase = e % runCount;
                long p = phase < half ? phase : phase - half;
                yield (int) (Math.max(even - 2 * p, 0) % w);
            }
            default -> (int) Math.floorMod(runCount - e, (long) w);
        };
    }

    /** The OUT pin at {@code tick}. */
    boolean out(long tick) {
        if (!running) {
            return frozenOut;
        }
        long e = tick - runStart;
        return switch (mode) {
            case 0 -> e >= 0 && (terminalDone || e >= runCount);
            case 1 -> e < 0 || e >= runCount;
            case 2 -> e < 0 || e % runCount != runCount - 1;
            case 3 -> e < 0 || e % runCount < highHalf(runCount);
            default -> terminalDone || e != runCount; // 4, 5: one-CLK strobe at count 0
        };
    }

    /** The first tick after {@code tick} at which OUT rises, or -1 if it never will. */
    long nextRisingEdge(long tick) {
        if (!running) {
            return -1;
        }
        long e = tick - runStart;
        long edge;
        switch (mode) {
            case 0, 1 -> edge = (terminalDone || e >= runCount) ? -1 : runStart + runCount;
            case 2, 3 -> {
                // Rises at the start of every period after the first.
                long k = e < runCount ? 1 : e / runCount + 1;
                edge = runStart + k * runCount;
                if (pendingReload && pendingAt < edge) {
                    // The reload ends the running period early: OUT rises there, or (mode 3
                    // entering the low half) after the new count's low half.
                    edge = pendingLow ? pendingAt + initialCount() - highHalf(initialCount()) : pendingAt;
                }
            }
            default -> edge = (terminalDone || e > runCount) ? -1 : runStart + runCount + 1;
        }
        return edge;
    }

    /** Mode 3: clocks OUT stays high per period; (N + 1) / 2, so odd counts are high longer. */
    static long highHalf(int count) {
        return (count + 1) / 2;
    }

    /** Raw 16-bit value as the guest reads it (BCD digits in BCD mode). */
    int rawValue(long tick) {
        int v = value(tick) & 0xFFFF;
        return bcd ? toBcd(v % 10000) : v;
    }

    int status(long tick) {
        // NULL COUNT: the last count written has not reached the counting element yet.
        boolean nul = nullCount || (running && tick < runStart);
        return (out(tick) ? STATUS_OUT : 0) | (nul ? STATUS_NULL_COUNT : 0)
                | (rwMode << 4) | (mode << 1) | (bcd ? 1 : 0);
    }
}
