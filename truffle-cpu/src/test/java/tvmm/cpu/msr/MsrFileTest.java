package tvmm.cpu.msr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.mmu.ControlBits;

/** RDMSR/WRMSR semantics: storage, reserved bits, read-only registers, unknown MSRs. */
class MsrFileTest {
    final Host host = new Host();
    final MsrFile msrs = new MsrFile(host);

    static final class Host implements MsrHost {
        long efer;
        long cr0;
        long fs;
        long gs;
        long tsc = 1000;
        long tscAux;
        long apicBase = 0xfee0_0900L;

        @Override public long efer() { return efer; }
        @Override public void setEfer(long v) { efer = v; }
        @Override public long cr0() { return cr0; }
        @Override public long fsBase() { return fs; }
        @Override public void setFsBase(long v) { fs = v; }
        @Override public long gsBase() { return gs; }
        @Override public void setGsBase(long v) { gs = v; }
        @Override public long readTsc() { return tsc; }
        @Override public void writeTsc(long v) { tsc = v; }
        @Override public long tscAux() { return tscAux; }
        @Override public void setTscAux(long v) { tscAux = v; }

        @Override
        public long readPlatform(int msr) {
            if (msr == Msrs.IA32_APIC_BASE) {
                return apicBase;
            }
            throw GuestFault.gp(0);
        }

        @Override
        public void writePlatform(int msr, long value) {
            if (msr != Msrs.IA32_APIC_BASE) {
                throw GuestFault.gp(0);
            }
            apicBase = value;
        }
    }

    void gp(Runnable r) {
        assertEquals(Vectors.GP, assertThrows(GuestFault.class, r::run).vector());
    }

    @Test
    void unknownMsrsFault() {
        gp(() -> msrs.read(0x10b));          // FLUSH_CMD: L1D_FLUSH not advertised
        gp(() -> msrs.write(0xc001_0015, 0)); // AMD HWCR: not this vendor
        assertFalse(msrs.isImplemented(0x10b));
        assertTrue(msrs.isImplemented(Msrs.IA32_PAT));
    }

    @Test
    void patAcceptsOnlyValidMemoryTypes() {
        assertEquals(MsrFile.PAT_DEFAULT, msrs.read(Msrs.IA32_PAT));
        msrs.write(Msrs.IA32_PAT, 0x0007_0106_0007_0406L); // Linux's PAT with WC in entry 1
        assertEquals(0x0007_0106_0007_0406L, msrs.read(Msrs.IA32_PAT));
        gp(() -> msrs.write(Msrs.IA32_PAT, 0x02));
        gp(() -> msrs.write(Msrs.IA32_PAT, 0x08L << 56));
    }

    @Test
    void eferChecks() {
        msrs.write(Msrs.IA32_EFER, ControlBits.EFER_LME | ControlBits.EFER_SCE | ControlBits.EFER_NXE);
        assertEquals(ControlBits.EFER_LME | ControlBits.EFER_SCE | ControlBits.EFER_NXE, host.efer);
        gp(() -> msrs.write(Msrs.IA32_EFER, 1L << 2));              // reserved
        gp(() -> msrs.write(Msrs.IA32_EFER, ControlBits.EFER_SVME)); // SVM is not advertised
        host.cr0 = ControlBits.CR0_PG | ControlBits.CR0_PE;
        host.efer |= ControlBits.EFER_LMA;
        gp(() -> msrs.write(Msrs.IA32_EFER, 0));                    // LME change under paging
        msrs.write(Msrs.IA32_EFER, ControlBits.EFER_LME);          // LMA write ignored, kept
        assertEquals(ControlBits.EFER_LME | ControlBits.EFER_LMA, host.efer);
    }

    @Test
    void addressMsrsMustBeCanonical() {
        msrs.write(Msrs.IA32_LSTAR, 0xffff_ffff_8100_0000L);
        assertEquals(0xffff_ffff_8100_0000L, msrs.lstar());
        gp(() -> msrs.write(Msrs.IA32_LSTAR, 0x8000_0000_0000L));
        gp(() -> msrs.write(Msrs.IA32_GS_BASE, 0x0001_0000_0000_0000L));
        msrs.write(Msrs.IA32_FS_BASE, 0x7fff_0000L);
        assertEquals(0x7fff_0000L, host.fs);
        msrs.write(Msrs.IA32_FMASK, -1L);
        assertEquals(0xffff_ffffL, msrs.read(Msrs.IA32_FMASK));
        gp(() -> msrs.write(Msrs.IA32_TSC_AUX, 1L << 32));
    }

    @Test
    void mtrrs() {
        long cap = msrs.read(Msrs.IA32_MTRRCAP);
        assertEquals(8, cap & 0xff);
        assertTrue((cap & 1L << 8) != 0, "fixed ranges");
        gp(() -> msrs.write(Msrs.IA32_MTRRCAP, 0));
        msrs.write(Msrs.IA32_MTRR_DEF_TYPE, 0xc06);
        assertEquals(0xc06, msrs.read(Msrs.IA32_MTRR_DEF_TYPE));
        gp(() -> msrs.write(Msrs.IA32_MTRR_DEF_TYPE, 0x2));
        gp(() -> msrs.write(Msrs.IA32_MTRR_DEF_TYPE, 0x1006));
        msrs.write(Msrs.IA32_MTRR_FIX4K_C0000 + 7, 0x0505_0505_0505_0505L);
        assertEquals(0x0505_0505_0505_0505L, msrs.read(0x26f));
        gp(() -> msrs.write(Msrs.IA32_MTRR_FIX64K_00000, 0x0606_0606_0606_0603L));
        msrs.write(Msrs.IA32_MTRR_PHYSBASE0 + 2, 0x8000_0000L);               // PHYSBASE1, UC
        msrs.write(Msrs.IA32_MTRR_PHYSBASE0 + 3, 0xff_8000_0800L);            // PHYSMASK1, valid, 2 GiB
        assertEquals(0xff_8000_0800L, msrs.read(0x203));
        gp(() -> msrs.write(0x203, 0x100_0000_0800L));                        // above MAXPHYADDR
        gp(() -> msrs.write(0x202, 0x8000_0100L));                            // reserved bit 8
        gp(() -> msrs.read(Msrs.IA32_MTRR_PHYSBASE0 + 16));                   // only 8 pairs
    }

    @Test
    void miscEnableAndReadOnlyRegisters() {
        long v = msrs.read(Msrs.IA32_MISC_ENABLE);
        msrs.write(Msrs.IA32_MISC_ENABLE, v & ~1L);
        assertEquals(v & ~1L, msrs.read(Msrs.IA32_MISC_ENABLE));
        gp(() -> msrs.write(Msrs.IA32_MISC_ENABLE, v | 1L << 34));
        assertEquals(1, msrs.read(Msrs.IA32_FEATURE_CONTROL));
        gp(() -> msrs.write(Msrs.IA32_FEATURE_CONTROL, 5));
        msrs.write(Msrs.IA32_BIOS_SIGN_ID, 0);
        assertEquals(0, msrs.read(Msrs.IA32_BIOS_SIGN_ID));
    }

    @Test
    void platformAndTimeMsrsGoToTheHost() {
        assertEquals(0xfee0_0900L, msrs.read(Msrs.IA32_APIC_BASE));
        msrs.write(Msrs.IA32_TSC, 5);
        assertEquals(5, msrs.read(Msrs.IA32_TSC));
        gp(() -> msrs.read(0x830)); // the host refuses x2APIC reads here
    }

    /**
     * IA32_ARCH_CAPABILITIES is read-only and reports immunity with the bits Linux tests
     * (arch/x86/kernel/cpu/common.c, cpu_set_bug_bits): RDCL_NO keeps page-table isolation
     * off, MDS_NO the VERW on return to user, ITS_NO the return thunks.
     */
    @Test
    void archCapabilitiesSayNotAffected() {
        assertTrue(msrs.isImplemented(Msrs.IA32_ARCH_CAPABILITIES));
        long caps = msrs.read(Msrs.IA32_ARCH_CAPABILITIES);
        assertEquals(1L, caps & 1, "RDCL_NO");
        assertEquals(1L << 5, caps & 1L << 5, "MDS_NO");
        assertEquals(1L << 62, caps & 1L << 62, "ITS_NO");
        assertEquals(1L << 1, caps & 1L << 1, "IBRS_ALL: Linux sets SPEC_CTRL.IBRS once instead of retpolines");
        assertEquals(0, caps & (1L << 2 | 1L << 7 | 1L << 19),
                "no RSBA, TSX_CTRL or RRSBA: those would promise behaviour or MSRs tvmm lacks");
        gp(() -> msrs.write(Msrs.IA32_ARCH_CAPABILITIES, caps));
    }

    @Test
    void specCtrlKeepsItsBitsAndPredCmdIsWriteOnly() {
        msrs.write(Msrs.IA32_SPEC_CTRL, 0b101);
        assertEquals(0b101, msrs.read(Msrs.IA32_SPEC_CTRL));
        gp(() -> msrs.write(Msrs.IA32_SPEC_CTRL, 1L << 3));
        msrs.write(Msrs.IA32_SPEC_CTRL, 0b101 | 1L << 10); // BHI_DIS_S
        assertEquals(0b101 | 1L << 10, msrs.read(Msrs.IA32_SPEC_CTRL));
        msrs.write(Msrs.IA32_SPEC_CTRL, 0b101);
        assertEquals(0b101, msrs.read(Msrs.IA32_SPEC_CTRL), "a refused write changes nothing");
        msrs.write(Msrs.IA32_PRED_CMD, 1);
        gp(() -> msrs.write(Msrs.IA32_PRED_CMD, 2));
        gp(() -> msrs.read(Msrs.IA32_PRED_CMD));
    }
}
