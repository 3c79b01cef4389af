package tvmm.devices.apic;

import tvmm.devices.bus.GuestLog;
import tvmm.devices.bus.IoDevice;

/**
 * The 4 KiB xAPIC register page of one local APIC (SDM vol. 3 §11.4.1), offsets relative
 * to IA32_APIC_BASE. Registers are 32 bits wide on 16-byte boundaries; the page is not
 * decoded while the APIC is globally disabled or in x2APIC mode (§11.12.1).
 */
public final class XApicPage implements IoDevice {
    private final LocalApic apic;
    private final GuestLog log;

    XApicPage(LocalApic apic) {
        this.apic = apic;
        this.log = new GuestLog("lapic" + apic.initialId());
    }

    /** Ignored guest behaviour of this APIC, counted by kind. */
    GuestLog log() {
        return log;
    }

    @Override
    public long read(long offset, int size) {
        long mask = size >= 8 ? -1L : (1L << (size * 8)) - 1;
        if (offset < 0 || offset + size > 0x1000 || !decoded()) {
            return mask;
        }
        int inReg = (int) offset & 0xF;
        // Narrow reads see the bytes of the 32-bit register; bytes 4–15 of a slot read 0.
        long value = inReg >= 4 ? 0 : apic.readRegister((int) offset & ~0xF, false);
        if (value < 0) {
            apic.kickIfPending();       // the illegal-register error may have signalled
            return 0;
        }
        return (value >>> (inReg * 8)) & mask;
    }

    @Override
    public void write(long offset, int size, long value) {
        if (offset < 0 || offset >= 0x1000 || size != 4 || (offset & 0xF) != 0) {
            // The SDM requires aligned 32-bit accesses; others are undefined: ignore them.
            log.warn("width", "ignored %d-byte write at 0x%x", size, offset);
            return;
        }
        if (!decoded()) {
            return;
        }
        apic.writeRegister((int) offset, value & 0xFFFFFFFFL, false).run(apic);
    }

    private boolean decoded() {
        return apic.isHardwareEnabled() && !apic.isX2ApicMode();
    }

    @Override
    public String name() {
        return "lapic" + apic.initialId();
    }
}
