package tvmm.devices.acpi.aml;

import java.io.ByteArrayOutputStream;

/**
 * Resource descriptors for {@code _CRS} (ACPI 6.5 §6.4): the small IO and IRQ
 * descriptors of ISA devices, Memory32Fixed, and the Word/DWord/QWord address space
 * descriptors a PCI root bridge uses for its bus numbers and windows. {@link #toBytes()}
 * appends the End Tag.
 */
public final class ResourceTemplate {
    static final int TYPE_MEMORY = 0;
    static final int TYPE_IO = 1;
    static final int TYPE_BUS = 2;
    /** General flags: MinFixed | MaxFixed, positive decode, resource producer. */
    static final int FIXED_PRODUCER = 0x0C;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** {@code IO(Decode16, min, max, alignment, length)}. */
    public ResourceTemplate io(int min, int max, int alignment, int length) {
        out.write(0x47);
        out.write(1);       // 16-bit decode
        word(min);
        word(max);
        out.write(alignment);
        out.write(length);
        return this;
    }

    /** {@code IRQNoFlags() { irqs }}: edge, active high, exclusive. */
    public ResourceTemplate irqNoFlags(int... irqs) {
        int mask = 0;
        for (int irq : irqs) {
            mask |= 1 << irq;
        }
        out.write(0x22);
        word(mask);
        return this;
    }

    /** {@code Memory32Fixed(ReadWrite or ReadOnly, base, length)}. */
    public ResourceTemplate memory32Fixed(boolean writable, long base, long length) {
        out.write(0x86);
        word(9);
        out.write(writable ? 1 : 0);
        dword(base);
        dword(length);
        return this;
    }

    /** {@code WordBusNumber(ResourceProducer, MinFixed, MaxFixed, PosDecode, 0, min, max, 0, n)}. */
    public ResourceTemplate wordBusNumber(int min, int max) {
        return wordSpace(TYPE_BUS, 0, min, max);
    }

    /** {@code WordIO(ResourceProducer, MinFixed, MaxFixed, PosDecode, EntireRange, 0, min, max, 0, n)}. */
    public ResourceTemplate wordIo(int min, int max) {
        return wordSpace(TYPE_IO, 3, min, max);
    }

    /** {@code DWordMemory(ResourceProducer, PosDecode, MinFixed, MaxFixed, cacheable?, ReadWrite, …)}. */
    public ResourceTemplate dwordMemory(boolean cacheable, long min, long max) {
        out.write(0x87);
        word(23);
        out.write(TYPE_MEMORY);
        out.write(FIXED_PRODUCER);
        out.write(memoryFlags(cacheable));
        dword(0);
        dword(min);
        dword(max);
        dword(0);
        dword(max - min + 1);
        return this;
    }

    /** {@code QWordMemory(...)}: a window above 4 GiB. */
    public ResourceTemplate qwordMemory(boolean cacheable, long min, long max) {
        out.write(0x8A);
        word(43);
        out.write(TYPE_MEMORY);
        out.write(FIXED_PRODUCER);
        out.write(memoryFlags(cacheable));
        qword(0);
        qword(min);
        qword(max);
        qword(0);
        qword(max - min + 1);
        return this;
    }

    /** The descriptors followed by the End Tag (checksum 0: "treat as correct"). */
    public byte[] toBytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(out.toByteArray());
        all.write(0x79);
        all.write(0);
        return all.toByteArray();
    }

    private ResourceTemplate wordSpace(int type, int typeFlags, int min, int max) {
        out.write(0x88);
        word(13);
        out.write(type);
        out.write(FIXED_PRODUCER);
        out.write(typeFlags);
        word(0);
        word(min);
        word(max);
        word(0);
        word(max - min + 1);
        return this;
    }

    /** Read-write; memory attribute cacheable (1) or non-cacheable (0) in bits 2:1. */
    private static int memoryFlags(boolean cacheable) {
        return 1 | (cacheable ? 2 : 0);
    }

    private void word(long v) {
        out.write((int) v);
        out.write((int) (v >>> 8));
    }

    private void dword(long v) {
        word(v);
        word(v >>> 16);
    }

    private void qword(long v) {
        dword(v);
        dword(v >>> 32);
    }
}
