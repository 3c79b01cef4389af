package tvmm.cpu.mmu;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Guest-physical memory for tests: a little-endian byte array, plus control registers. */
public class ByteMemory implements PageTableMemory, PagingControl {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    public final byte[] ram;
    public long cr0;
    public long cr3;
    public long cr4;
    public long efer;
    /** Number of upcoming compare-and-set calls that fail as if another vCPU raced us. */
    public int casFailures;

    // byte-array views cannot CAS, so tests serialize the compare and the store instead.

    public ByteMemory(int size) {
        ram = new byte[size];
    }

    @Override
    public long read64(long pa) {
        return (long) LONG.get(ram, (int) pa);
    }

    @Override
    public int read32(long pa) {
        return (int) INT.get(ram, (int) pa);
    }

    public void write64(long pa, long v) {
        LONG.set(ram, (int) pa, v);
    }

    public void write32(long pa, int v) {
        INT.set(ram, (int) pa, v);
    }

    public void write8(long pa, int v) {
        ram[(int) pa] = (byte) v;
    }

    public int read8(long pa) {
        return ram[(int) pa] & 0xff;
    }

    @Override
    public boolean compareAndSet64(long pa, long expected, long update) {
        if (casFailures > 0) {
            casFailures--;
            return false;
        }
        synchronized (this) {
            if (read64(pa) != expected) {
                return false;
            }
            write64(pa, update);
            return true;
        }
    }

    @Override
    public boolean compareAndSet32(long pa, int expected, int update) {
        if (casFailures > 0) {
            casFailures--;
            return false;
        }
        synchronized (this) {
            if (read32(pa) != expected) {
                return false;
            }
            write32(pa, update);
            return true;
        }
    }

    @Override
    public long cr0() {
        return cr0;
    }

    @Override
    public long cr3() {
        return cr3;
    }

    @Override
    public long cr4() {
        return cr4;
    }

    @Override
    public long efer() {
        return efer;
    }

    /** RFLAGS.AC as the MMU sees it (SMAP override). */
    public boolean ac;

    @Override
    public boolean alignmentCheckFlag() {
        return ac;
    }
}
