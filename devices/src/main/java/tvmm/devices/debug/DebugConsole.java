package tvmm.devices.debug;

import java.util.function.IntConsumer;
import tvmm.devices.bus.IoDevice;

/**
 * The Bochs/QEMU debug console at port 0xE9: every byte written goes to a host sink
 * (tvmm's stderr or a test's buffer). Reading returns 0xE9, as Bochs and QEMU do, so a
 * guest can detect the port.
 */
public final class DebugConsole implements IoDevice {
    /** The value a read returns: the port number itself. */
    public static final int DETECT_VALUE = 0xE9;

    private final IntConsumer sink;

    /** {@code sink} receives each byte (0..255) on the writing vCPU's thread. */
    public DebugConsole(IntConsumer sink) {
        this.sink = sink;
    }

    @Override
    public long read(long offset, int size) {
        return DETECT_VALUE;
    }

    @Override
    public void write(long offset, int size, long value) {
        // A word or dword write emits only its low byte, as on QEMU's isa-debugcon.
        sink.accept((int) value & 0xFF);
    }

    @Override
    public String name() {
        return "debugcon";
    }
}
