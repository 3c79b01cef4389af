package tvmm.vmm.machine;

import tvmm.devices.apic.LocalApic;

/**
 * What the PC firmware leaves behind that a directly booted kernel relies on. tvmm boots
 * kernels without a BIOS, so it does these few things itself, as SeaBIOS does before it
 * jumps to a kernel: the bootstrap processor's local APIC in virtual-wire mode (LINT0 =
 * ExtINT so the 8259 reaches the CPU, LINT1 = NMI, APIC software-enabled), MP spec §3.6.2.2.
 */
final class Firmware {
    private Firmware() {
    }

    static final int SVR = 0xF0;
    static final int LVT_LINT0 = 0x350;
    static final int LVT_LINT1 = 0x360;
    static final int SVR_ENABLE_SPURIOUS_FF = 0x1FF;
    static final int DELIVERY_EXTINT = 0x700;
    static final int DELIVERY_NMI = 0x400;

    static void setUpLocalApic(LocalApic apic) {
        apic.mmio().write(SVR, 4, SVR_ENABLE_SPURIOUS_FF);
        apic.mmio().write(LVT_LINT0, 4, DELIVERY_EXTINT);
        apic.mmio().write(LVT_LINT1, 4, DELIVERY_NMI);
    }
}
