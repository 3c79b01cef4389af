package tvmm.cpu.interrupts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.msr.MsrFile;
import tvmm.cpu.msr.MsrHost;
import tvmm.cpu.msr.Msrs;
import tvmm.cpu.seg.FakeCpu;
import tvmm.cpu.seg.SegmentState;
import tvmm.cpu.state.Flags;

/** SYSCALL/SYSRET/SYSENTER/SYSEXIT/SWAPGS (SDM vol. 2), with the GDT layout Linux uses. */
class FastSystemCallsTest {
    FakeCpu c;
    MsrFile msrs;

    @BeforeEach
    void setUp() {
        c = new FakeCpu();
        c.efer = ControlBits.EFER_LMA | ControlBits.EFER_LME | ControlBits.EFER_SCE;
        c.loadSegment(SegmentState.CS, 0x33, 0, 0xffffffff, FakeCpu.CODE64 | 0x60);
        c.cpl = 3;
        msrs = new MsrFile(new MsrHost() {
            @Override public long efer() { return c.efer; }
            @Override public void setEfer(long v) { c.efer = v; }
            @Override public long cr0() { return c.cr0; }
            @Override public long fsBase() { return c.base[SegmentState.FS]; }
            @Override public void setFsBase(long v) { c.base[SegmentState.FS] = v; }
            @Override public long gsBase() { return c.base[SegmentState.GS]; }
            @Override public void setGsBase(long v) { c.base[SegmentState.GS] = v; }
            @Override public long readTsc() { return 0; }
            @Override public void writeTsc(long v) { }
            @Override public long tscAux() { return 0; }
            @Override public void setTscAux(long v) { }
            @Override public long readPlatform(int msr) { throw GuestFault.gp(0); }
            @Override public void writePlatform(int msr, long v) { throw GuestFault.gp(0); }
        });
        // Linux: __KERNEL_CS 0x10, __USER32_CS 0x23 (STAR base 0x18), __USER_CS 0x33, __USER_DS 0x2b.
        msrs.write(Msrs.IA32_STAR, 0x0023_0010_0000_0000L);
        msrs.write(Msrs.IA32_LSTAR, 0xffff_ffff_8100_0000L);
        msrs.write(Msrs.IA32_FMASK, 0x47700);
    }

    @Test
    void syscallAndSysretRoundTrip() {
        c.rflags = 0x246 | Flags.TF;
        FastSystemCalls.syscall(c, msrs, 0x40_1234);
        assertEquals(0x10, c.selector[SegmentState.CS]);
        assertEquals(0x18, c.selector[SegmentState.SS]);
        assertEquals(0, c.cpl);
        assertEquals(0xffff_ffff_8100_0000L, c.rip);
        assertEquals(0x40_1234, c.gpr[1], "RCX");
        assertEquals(0x246 | Flags.TF, c.gpr[11], "R11");
        assertEquals(0x46 | Flags.FIXED1, c.rflags, "IF, TF masked by FMASK");
        FastSystemCalls.sysret(c, msrs, 8);
        assertEquals(0x33, c.selector[SegmentState.CS]);
        assertEquals(0x2b, c.selector[SegmentState.SS]);
        assertEquals(3, c.cpl);
        assertEquals(0x40_1234, c.rip);
        assertEquals(0x246 | Flags.TF, c.rflags);
    }

    @Test
    void sysretChecks() {
        assertEquals(Vectors.GP, assertThrows(GuestFault.class, () -> FastSystemCalls.sysret(c, msrs, 8)).vector(),
                "CPL 3");
        c.cpl = 0;
        c.loadSegment(SegmentState.CS, 0x10, 0, 0xffffffff, FakeCpu.CODE64);
        c.gpr[1] = 0x0000_8000_0000_0000L;
        assertEquals(Vectors.GP, assertThrows(GuestFault.class, () -> FastSystemCalls.sysret(c, msrs, 8)).vector(),
                "non-canonical RCX faults in ring 0");
        c.gpr[1] = 0x1234_5678_9abc_def0L;
        c.gpr[11] = 0x2;
        FastSystemCalls.sysret(c, msrs, 4);
        assertEquals(0x23, c.selector[SegmentState.CS]);
        assertEquals(0x9abc_def0L, c.rip);
        c.efer &= ~ControlBits.EFER_SCE;
        assertEquals(Vectors.UD, assertThrows(GuestFault.class, () -> FastSystemCalls.syscall(c, msrs, 0)).vector());
    }

    @Test
    void sysenterAndSysexit() {
        c.efer = 0;
        c.loadSegment(SegmentState.CS, 0x73, 0, 0xffffffff, FakeCpu.FLAT_CODE | 0x60);
        c.rflags = 0x202;
        msrs.write(Msrs.IA32_SYSENTER_CS, 0x60);
        msrs.write(Msrs.IA32_SYSENTER_ESP, 0xc000_1000L);
        msrs.write(Msrs.IA32_SYSENTER_EIP, 0xc010_0000L);
        FastSystemCalls.sysenter(c, msrs);
        assertEquals(0x60, c.selector[SegmentState.CS]);
        assertEquals(0x68, c.selector[SegmentState.SS]);
        assertEquals(0xc000_1000L, c.rsp);
        assertEquals(0xc010_0000L, c.rip);
        assertEquals(0x2, c.rflags, "IF cleared");
        c.gpr[2] = 0x0804_8000L;
        c.gpr[1] = 0xbfff_f000L;
        FastSystemCalls.sysexit(c, msrs, 4);
        assertEquals(0x73, c.selector[SegmentState.CS]);
        assertEquals(0x7b, c.selector[SegmentState.SS]);
        assertEquals(0x0804_8000L, c.rip);
        assertEquals(0xbfff_f000L, c.rsp);
        assertEquals(3, c.cpl);
    }

    @Test
    void swapgsExchangesBases() {
        c.cpl = 0;
        c.loadSegment(SegmentState.CS, 0x10, 0, 0xffffffff, FakeCpu.CODE64);
        c.base[SegmentState.GS] = 0x1000;
        msrs.write(Msrs.IA32_KERNEL_GS_BASE, 0xffff_8880_0000_0000L);
        FastSystemCalls.swapgs(c, msrs);
        assertEquals(0xffff_8880_0000_0000L, c.base[SegmentState.GS]);
        assertEquals(0x1000, msrs.kernelGsBase());
    }
}
