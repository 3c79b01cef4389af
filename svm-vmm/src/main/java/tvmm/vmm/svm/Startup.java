package tvmm.vmm.svm;

import tvmm.cpu.state.CpuState;
import tvmm.cpu.state.Flags;

/**
 * The state an application processor starts in after INIT and a STARTUP IPI (SDM vol. 3
 * §9.1.1 table 9-1 and §9.4.4): the INIT values, in real mode at CS:IP = (vector · 0x100):0,
 * i.e. physical address vector · 0x1000.
 */
final class Startup {
    private Startup() {
    }

    /** RESET: the INIT values, but at CS F000h with base FFFF0000h and IP FFF0h (table 9-1). */
    static void powerOn(CpuState s) {
        enterAt(s, 0);
        s.seg[CpuState.CS].set(0xf000, 0xffff0000L, 0xffff, 0x9b);
        s.rip = 0xfff0;
        s.updateMode();
    }

    static void enterAt(CpuState s, int vector) {
        java.util.Arrays.fill(s.gpr, 0);
        s.gpr[CpuState.RDX] = 0x600; // family/model/stepping signature in EDX after INIT
        s.rflags = Flags.FIXED1;
        s.flagOp = Flags.NONE;
        s.cr0 = 0x6000_0010L; // CD, NW, ET (INIT keeps CD/NW; tvmm has no caches to keep)
        s.cr2 = 0;
        s.cr3 = 0;
        s.cr4 = 0;
        s.efer = 0;
        for (int i = 0; i < 6; i++) {
            s.seg[i].set(0, 0, 0xffff, 0x93);
        }
        int selector = (vector & 0xff) << 8;
        s.seg[CpuState.CS].set(selector, (long) selector << 4, 0xffff, 0x9b);
        s.ldtr.set(0, 0, 0xffff, 0x82);
        s.tr.set(0, 0, 0xffff, 0x8b);
        s.gdtrBase = 0;
        s.gdtrLimit = 0xffff;
        s.idtrBase = 0;
        s.idtrLimit = 0xffff;
        java.util.Arrays.fill(s.dr, 0);
        s.dr[6] = 0xffff0ff0L;
        s.dr[7] = 0x400;
        s.cpl = 0;
        s.rip = 0;
        s.updateMode();
    }
}
