package tvmm.cpu.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The VMCB encodings against AMD64 APM vol. 2, Appendix B/C and §15.10, §15.20. */
class VmcbTest {

    @Test
    void interceptBitsLandInTheManualsWords() {
        Vmcb v = new Vmcb();
        v.setIntercept(Intercept.IOIO_PROT, true);
        v.setIntercept(Intercept.VMMCALL, true);
        v.setIntercept(Intercept.SHUTDOWN, true);
        assertEquals((1 << 27) | (1 << 31), v.read32(0x00C));
        assertEquals(1 << 1, v.read32(0x010));
        assertTrue(v.isIntercepted(Intercept.IOIO_PROT));
        assertFalse(v.isIntercepted(Intercept.HLT));
        v.setIntercept(Intercept.IOIO_PROT, false);
        assertEquals(1 << 31, v.read32(0x00C));
    }

    @Test
    void crInterceptsSplitReadsAndWrites() {
        Vmcb v = new Vmcb();
        v.setCrIntercepts(1 << 3, 1 << 0);
        assertTrue(v.isCrReadIntercepted(3));
        assertFalse(v.isCrWriteIntercepted(3));
        assertTrue(v.isCrWriteIntercepted(0));
        assertEquals(0x0001_0008, v.read32(Vmcb.INTERCEPT_CR));
    }

    @Test
    void stateSaveAreaIsLittleEndianAtTheManualsOffsets() {
        Vmcb v = new Vmcb();
        v.write64(Vmcb.RIP, 0x1122_3344_5566_7788L);
        assertEquals(0x88, v.read8(0x578));
        assertEquals(0x11, v.read8(0x57F));
        v.setSegment(Vmcb.Segment.CS, 0x10, 0xA9B, 0xFFFF_FFFFL, 0);
        assertEquals(0x10, v.read16(0x410));
        assertEquals(0xA9B, v.attributes(Vmcb.Segment.CS));
        assertEquals(0xFFFF_FFFFL, v.limit(Vmcb.Segment.CS));
        assertEquals(0x490, Vmcb.Segment.TR.offset);
    }

    @Test
    void virtualIrqCarriesVectorAndPriority() {
        Vmcb v = new Vmcb();
        v.write64(Vmcb.VINTR, Vmcb.V_INTR_MASKING | 0x5);
        v.setVirtualIrq(0x30, 3);
        assertTrue(v.virtualIrqPending());
        assertEquals(0x30, v.virtualIrqVector());
        assertEquals(Vmcb.V_INTR_MASKING | Vmcb.V_IRQ | (3L << 16) | (0x30L << 32) | 0x5, v.read64(Vmcb.VINTR));
        v.clearVirtualIrq();
        assertFalse(v.virtualIrqPending());
    }

    @Test
    void eventInjectionEncoding() {
        long pf = EventInjection.withErrorCode(EventInjection.TYPE_EXCEPTION, 14, 0x6);
        assertEquals(0x0000_0006_8000_0B0EL, pf);
        assertTrue(EventInjection.isValid(pf));
        assertEquals(14, EventInjection.vector(pf));
        assertEquals(EventInjection.TYPE_EXCEPTION, EventInjection.type(pf));
        assertTrue(EventInjection.hasErrorCode(pf));
        assertEquals(6, EventInjection.errorCode(pf));
        assertEquals(0x8000_0020L, EventInjection.of(EventInjection.TYPE_INTR, 0x20));
    }

    @Test
    void ioioExitInfo() {
        // "out dx, al" to 0x3F8 from 64-bit code: SZ8 | A64, port in 31:16.
        long out = IoioInfo.encode(0x3F8, false, 1, false, false, 8, 0);
        assertEquals(0x03F8_0000L | IoioInfo.SZ8 | IoioInfo.A64, out);
        // "rep insw" from 32-bit code through ES.
        long ins = IoioInfo.encode(0x1F0, true, 2, true, true, 4, 0);
        assertTrue(IoioInfo.isIn(ins));
        assertTrue(IoioInfo.isString(ins) && IoioInfo.isRep(ins));
        assertEquals(2, IoioInfo.sizeBytes(ins));
        assertEquals(4, IoioInfo.addressBytes(ins));
        assertEquals(0x1F0, IoioInfo.port(ins));
        assertEquals(3, IoioInfo.segment(IoioInfo.encode(0x80, false, 4, true, false, 8, 3)));
    }

    @Test
    void exitCodeNames() {
        assertEquals("IOIO", ExitCode.name(0x7B));
        assertEquals("NPF", ExitCode.name(0x400));
        assertEquals("EXCP14", ExitCode.name(0x4E));
        assertEquals("CR3_WRITE", ExitCode.name(0x13));
        assertEquals("INVALID", ExitCode.name(-1));
    }
}
