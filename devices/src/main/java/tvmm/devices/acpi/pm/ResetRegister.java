package tvmm.devices.acpi.pm;

import tvmm.devices.bus.IoDevice;

/**
 * The PIIX reset control register at 0xCF9, which the FADT names as the ACPI reset
 * register (value 0x06). Bit 1 (SYS_RST) chooses a hard reset, bit 3 (FULL_RST) a full
 * one; setting bit 2 (RST_CPU) resets the machine. Linux writes 0x02 then 0x06
 * ({@code reboot=pci}) or 0x06 alone (the ACPI reset).
 */
public final class ResetRegister implements IoDevice {
    static final int SYS_RST = 1 << 1;
    static final int RST_CPU = 1 << 2;
    static final int FULL_RST = 1 << 3;

    private final Runnable reset;
    private int value;

    /** @param reset called on the writing vCPU's thread when the guest resets the machine */
    public ResetRegister(Runnable reset) {
        this.reset = reset;
    }

    @Override
    public synchronized long read(long offset, int size) {
        if (offset != 0 || size != 1) {
            return size >= 8 ? -1L : (1L << (size * 8)) - 1;
        }
        return value;
    }

    @Override
    public void write(long offset, int size, long v) {
        if (offset != 0 || size != 1) {
            return;
        }
        boolean doReset;
        synchronized (this) {
            value = (int) v & (SYS_RST | FULL_RST);
            doReset = (v & RST_CPU) != 0;
        }
        if (doReset) {
            reset.run();
        }
    }

    @Override
    public String name() {
        return "reset-control";
    }
}
