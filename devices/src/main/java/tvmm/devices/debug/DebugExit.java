package tvmm.devices.debug;

import java.util.function.IntConsumer;
import tvmm.devices.bus.IoDevice;

/**
 * QEMU's isa-debug-exit at port 0xF4: a guest write of {@code v} asks the VMM to end the
 * VM with process exit status {@code (v << 1) | 1} (so status 1 cannot be faked and a
 * guest that writes 0 still reports a non-zero status). The callback runs on the writing
 * vCPU's thread; the VMM stops the machine from there. Reads return all ones (the device
 * decodes writes only).
 */
public final class DebugExit implements IoDevice {
    private final IntConsumer onExit;

    /** {@code onExit} receives the exit status. */
    public DebugExit(IntConsumer onExit) {
        this.onExit = onExit;
    }

    /** The process exit status for a written value (QEMU: iosize 1 by default, so the low byte). */
    public static int exitStatus(long written, int size) {
        long v = written & (size >= 4 ? 0xFFFF_FFFFL : (1L << (8 * size)) - 1);
        return (int) ((v << 1) | 1);
    }

    @Override
    public long read(long offset, int size) {
        return -1L;
    }

    @Override
    public void write(long offset, int size, long value) {
        onExit.accept(exitStatus(value, size));
    }

    @Override
    public String name() {
        return "debug-exit";
    }
}
