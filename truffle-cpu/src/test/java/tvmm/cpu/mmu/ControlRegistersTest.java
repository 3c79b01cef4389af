package tvmm.cpu.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tvmm.cpu.interrupts.GuestFault;

/** MOV to CR0/CR3/CR4/CR8 and LMSW checks (SDM vol. 2 MOV CR, vol. 3 §9.8.5). */
class ControlRegistersTest {
    static final long PE = ControlBits.CR0_PE;
    static final long PG = ControlBits.CR0_PG;

    void gp(Runnable r) {
        assertEquals(13, assertThrows(GuestFault.class, r::run).vector());
    }

    @Test
    void cr0Rules() {
        assertEquals(PE | ControlBits.CR0_ET, ControlRegisters.checkCr0(PE, 0, 0, false), "ET reads as 1");
        gp(() -> ControlRegisters.checkCr0(PG, 0, 0, false));                       // PG without PE
        gp(() -> ControlRegisters.checkCr0(PE | ControlBits.CR0_NW, 0, 0, false));  // NW without CD
        gp(() -> ControlRegisters.checkCr0(1L << 32 | PE, 0, 0, false));            // bits 63:32
        gp(() -> ControlRegisters.checkCr0(PE | PG, 0, ControlBits.EFER_LME, false)); // long mode without PAE
        gp(() -> ControlRegisters.checkCr0(PE, ControlBits.CR4_PAE, ControlBits.EFER_LMA, true)); // PG off in 64-bit mode
        assertEquals(PE | ControlBits.CR0_ET, ControlRegisters.checkCr0(PE | 1L << 20, 0, 0, false),
                "undefined low bits are ignored");
    }

    @Test
    void longModeActivatesWithPaging() {
        long efer = ControlBits.EFER_LME;
        assertEquals(efer | ControlBits.EFER_LMA, ControlRegisters.eferAfterCr0(PE | PG, efer));
        assertEquals(efer, ControlRegisters.eferAfterCr0(PE, efer | ControlBits.EFER_LMA));
        assertEquals(0, ControlRegisters.eferAfterCr0(PE | PG, 0), "no LME: legacy paging");
    }

    @Test
    void cr4Rules() {
        long pae = ControlBits.CR4_PAE | ControlBits.CR4_PGE;
        assertEquals(pae, ControlRegisters.checkCr4(pae, 0, 0));
        gp(() -> ControlRegisters.checkCr4(ControlBits.CR4_LA57, 0, 0));           // not advertised
        gp(() -> ControlRegisters.checkCr4(1L << 15, 0, 0));                       // reserved
        gp(() -> ControlRegisters.checkCr4(ControlBits.CR4_PGE, pae, ControlBits.EFER_LMA)); // PAE off in long mode
    }

    @Test
    void cr3AndCr8() {
        assertEquals(0x1234_5000L, ControlRegisters.checkCr3(0xffff_ffff_1234_5000L, 0), "32 bits outside long mode");
        assertEquals(0xff_ffff_f000L, ControlRegisters.checkCr3(0xff_ffff_f000L, ControlBits.EFER_LMA));
        gp(() -> ControlRegisters.checkCr3(1L << 40, ControlBits.EFER_LMA));
        gp(() -> ControlRegisters.checkCr8(0x10));
        assertEquals(0xf, ControlRegisters.checkCr8(0xf));
    }

    @Test
    void lmswSetsButNeverClearsPe() {
        assertEquals(PE | ControlBits.CR0_TS, ControlRegisters.lmsw(0, 0x9));
        assertEquals(PE | PG, ControlRegisters.lmsw(PE | PG | ControlBits.CR0_MP, 0));
    }
}
