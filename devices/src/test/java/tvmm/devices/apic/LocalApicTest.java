package tvmm.devices.apic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.devices.time.ManualClock;

/** The xAPIC register page and the CPU-side interface of one local APIC. */
class LocalApicTest {
    static final int ID = 0x20, VER = 0x30, TPR = 0x80, PPR = 0xA0, EOI = 0xB0, LDR = 0xD0, DFR = 0xE0,
            SVR = 0xF0, ISR = 0x100, TMR = 0x180, IRR = 0x200, ESR = 0x280, ICR_LO = 0x300,
            ICR_HI = 0x310, LVT_TIMER = 0x320, LVT_LINT0 = 0x350, LVT_LINT1 = 0x360, LVT_ERR = 0x370;

    ManualClock clock;
    ApicBus bus;
    LocalApic apic;
    XApicPage page;
    AtomicInteger kicks;
    List<Integer> eois;

    @BeforeEach
    void setUp() {
        clock = new ManualClock();
        bus = new ApicBus();
        apic = LocalApic.create(bus, 3, true, clock, 100_000_000L, 2_000_000_000L);
        page = apic.mmio();
        kicks = new AtomicInteger();
        apic.setKick(kicks::incrementAndGet);
        eois = new ArrayList<>();
        bus.addEoiListener(eois::add);
    }

    int rd(int off) {
        return (int) page.read(off, 4);
    }

    void wr(int off, int v) {
        page.write(off, 4, v & 0xFFFFFFFFL);
    }

    void enable() {
        wr(SVR, 0x1FF);
    }

    @Test
    void powerUpState() {
        assertEquals(3 << 24, rd(ID));
        assertEquals(0x14, rd(VER) & 0xFF, "integrated APIC version");
        assertEquals(5, (rd(VER) >>> 16) & 0xFF, "six LVT entries");
        assertEquals(0xFF, rd(SVR), "software-disabled, spurious vector 0xFF");
        assertEquals(0xFFFFFFFF, rd(DFR), "flat model");
        for (int lvt = 0x320; lvt <= 0x370; lvt += 0x10) {
            assertEquals(0x10000, rd(lvt), "LVT masked at reset");
        }
        assertEquals(0xFEE00900L, apic.apicBase(), "enabled, BSP, at 0xFEE00000");
    }

    @Test
    void softwareDisabledApicDropsFixedInterruptsAndKeepsLvtMasked() {
        apic.accept(DeliveryMode.FIXED, 0x40, false);
        assertFalse(apic.hasPendingInterrupt());
        wr(LVT_TIMER, 0x30);
        assertEquals(0x10030, rd(LVT_TIMER), "mask cannot be cleared while software-disabled");
        enable();
        wr(LVT_TIMER, 0x30);
        assertEquals(0x30, rd(LVT_TIMER));
        wr(SVR, 0xFF);
        assertEquals(0x10030, rd(LVT_TIMER), "software disable masks every LVT");
    }

    @Test
    void irrIsrAndPriorityClasses() {
        enable();
        apic.accept(DeliveryMode.FIXED, 0x41, false);
        apic.accept(DeliveryMode.FIXED, 0x62, false);
        assertTrue(kicks.get() >= 2, "each acceptance kicks the vCPU");
        assertEquals((1 << 2), rd(IRR + 0x30), "vector 0x62 in IRR word 3");
        assertEquals((1 << 1), rd(IRR + 0x20), "vector 0x41 in IRR word 2");
        assertEquals(0x62, apic.pendingVector());
        assertEquals(0x62, apic.acknowledge());
        assertEquals(1 << 2, rd(ISR + 0x30));
        assertEquals(0x60, rd(PPR), "PPR is the in-service class");
        assertFalse(apic.hasPendingInterrupt(), "0x41 is of a lower class than 0x62");
        wr(EOI, 0);
        assertEquals(0, rd(ISR + 0x30));
        assertEquals(0x41, apic.pendingVector());
        assertTrue(eois.isEmpty(), "edge-triggered EOI is not broadcast");
    }

    @Test
    void taskPriorityBlocksEqualAndLowerClasses() {
        enable();
        wr(TPR, 0x55);
        assertEquals(0x55, rd(PPR));
        apic.accept(DeliveryMode.FIXED, 0x5F, false);
        assertFalse(apic.hasPendingInterrupt(), "class 5 does not outrank TPR class 5");
        assertEquals(0xFF, apic.acknowledge(), "INTA with nothing deliverable: spurious vector");
        assertEquals(0, rd(ISR + 0x20), "a spurious INTA sets no ISR bit");
        int before = kicks.get();
        wr(TPR, 0x40);
        assertTrue(apic.hasPendingInterrupt());
        assertTrue(kicks.get() > before, "lowering TPR below a pending class kicks");
    }

    @Test
    void levelTriggeredEoiIsBroadcastUnlessSuppressed() {
        enable();
        apic.accept(DeliveryMode.FIXED, 0x31, true);
        assertEquals(1 << 17, rd(TMR + 0x10));
        apic.acknowledge();
        wr(EOI, 0);
        assertEquals(List.of(0x31), eois);
        wr(SVR, 0x11FF);
        apic.accept(DeliveryMode.FIXED, 0x31, true);
        apic.acknowledge();
        wr(EOI, 0);
        assertEquals(List.of(0x31), eois, "SVR[12] suppresses the broadcast");
    }

    @Test
    void illegalVectorsAreRecordedInEsrAtTheNextWrite() {
        enable();
        apic.accept(DeliveryMode.FIXED, 5, false);
        assertFalse(apic.hasPendingInterrupt());
        assertEquals(0, rd(ESR), "errors appear only after an ESR write");
        wr(ESR, 0);
        assertEquals(0x40, rd(ESR), "receive illegal vector");
        wr(ICR_LO, 0x00004003);   // fixed IPI with vector 3
        wr(ESR, 0);
        assertEquals(0x20, rd(ESR), "send illegal vector");
        rd(0x2A0);                // a reserved register
        wr(ESR, 0);
        assertEquals(0x80, rd(ESR), "illegal register address");
        wr(ESR, 0);
        assertEquals(0, rd(ESR));
    }

    @Test
    void errorLvtSignalsErrors() {
        enable();
        wr(LVT_ERR, 0xFE);
        apic.accept(DeliveryMode.FIXED, 1, false);
        assertEquals(0xFE, apic.pendingVector());
    }

    @Test
    void ldrDfrAndReadOnlyRegisters() {
        wr(LDR, 0xFFFFFFFF);
        assertEquals(0xFF000000, rd(LDR));
        wr(DFR, 0);
        assertEquals(0x0FFFFFFF, rd(DFR), "cluster model; low bits read as ones");
        wr(VER, 0);
        assertEquals(0x01050014, rd(VER));
        wr(ID, 0x07000000);
        assertEquals(0x07000000, rd(ID), "xAPIC ID is writable");
    }

    @Test
    void narrowAndMisalignedAccesses() {
        enable();
        assertEquals(0xFF, page.read(SVR, 1));
        assertEquals(0x01, page.read(SVR + 1, 1));
        assertEquals(0, page.read(SVR + 4, 4), "bytes 4–15 of a register slot read 0");
        page.write(TPR, 1, 0x20);
        assertEquals(0, rd(TPR), "non-32-bit writes are ignored");
        assertEquals(1, page.log().count("width"), "and counted");
        assertEquals(0xFFFFFFFFL, page.read(0x1000, 4), "outside the page: all ones");
    }

    @Test
    void lint1AsNmiAndLint0AsExtInt() {
        enable();
        assertFalse(apic.acceptsPicInterrupts(), "LINT0 masked at reset");
        wr(LVT_LINT0, 0x700);
        assertTrue(apic.acceptsPicInterrupts(), "virtual-wire mode");
        wr(LVT_LINT1, 0x400);
        apic.setLint(1, true);
        assertTrue(apic.takeNmi());
        assertFalse(apic.takeNmi());
        apic.setLint(1, true);
        assertFalse(apic.hasPendingNmi(), "only a rising edge delivers");
        apic.setLint(1, false);
        wr(LVT_LINT1, 0x10400);
        apic.setLint(1, true);
        assertFalse(apic.hasPendingNmi(), "masked LINT1");
    }

    @Test
    void apicBaseMsrTransitions() {
        X2ApicMsrs msrs = apic.msrs();
        long base = apic.apicBase();
        assertFalse(msrs.write(0x1B, (base & ~0x800L) | 0x400), "EXTD without EN is invalid");
        assertFalse(msrs.write(0x1B, base | 1), "reserved bit");
        assertTrue(msrs.write(0x1B, base | 0x400), "xAPIC → x2APIC");
        assertTrue(apic.isX2ApicMode());
        assertEquals(0xFFFFFFFFL, page.read(TPR, 4), "the xAPIC page is not decoded in x2APIC mode");
        assertFalse(msrs.write(0x1B, base), "x2APIC → xAPIC is illegal");
        assertTrue(msrs.write(0x1B, 0xFEE00000L), "x2APIC → disabled");
        assertFalse(apic.isHardwareEnabled());
        assertEquals(0x100, apic.apicBase() & 0x100, "BSP flag is kept");
        assertFalse(msrs.write(0x1B, 0xFEE00000L | 0xC00), "disabled → x2APIC is illegal");
        assertTrue(msrs.write(0x1B, 0xFEF00800L), "re-enable at a new base");
        assertEquals(0xFEF00000L, apic.apicBaseAddress());
        assertEquals(0xFF, rd(SVR), "re-enabled APIC is in its power-up state");
    }

    @Test
    void initResetKeepsIdAndAPendingStartup() {
        enable();
        wr(ID, 0x09000000);
        wr(TPR, 0x30);
        apic.accept(DeliveryMode.FIXED, 0x80, false);
        apic.accept(DeliveryMode.INIT, 0, false);
        apic.accept(DeliveryMode.STARTUP, 0x9A, false);
        assertTrue(apic.hasPendingEvent());
        assertTrue(apic.takeInit());
        assertEquals(0x09000000, rd(ID));
        assertEquals(0, rd(TPR));
        assertEquals(0, rd(IRR + 0x40), "INIT clears the IRR");
        assertEquals(0xFF, rd(SVR));
        assertEquals(0x9A, apic.takeSipi());
        assertEquals(-1, apic.takeSipi());
        assertFalse(apic.takeInit());
    }

    @Test
    void randomGuestAccessesNeverThrow() {
        java.util.Random rnd = new java.util.Random(42);
        LocalApic other = LocalApic.create(bus, 4, false, clock, 100_000_000L, 2_000_000_000L);
        int[] sizes = {1, 2, 4, 8};
        for (int i = 0; i < 20_000; i++) {
            long offset = rnd.nextInt(0x1100) - 0x40;
            int size = sizes[rnd.nextInt(4)];
            if (rnd.nextBoolean()) {
                page.write(offset & ~(rnd.nextBoolean() ? 0xF : 0), size, rnd.nextLong());
            } else {
                page.read(offset, size);
            }
            X2ApicMsrs msrs = (rnd.nextBoolean() ? apic : other).msrs();
            int msr = rnd.nextInt(8) == 0 ? 0x1B : 0x800 + rnd.nextInt(0x100);
            if (rnd.nextBoolean()) {
                msrs.write(msr, rnd.nextInt(4) == 0 ? rnd.nextLong() : rnd.nextInt() & 0xFFFFFFFFL);
            } else {
                msrs.read(msr);
            }
            apic.acknowledge();
            apic.takeInit();
            clock.advance(1_000);
        }
        assertTrue(kicks.get() > 0, "random ICR and LVT values did deliver something");
    }
}
