package tvmm.cpu.sysinstr;

import tvmm.cpu.cpuid.CpuidModel;
import tvmm.cpu.exit.ExitPort;
import tvmm.cpu.exit.VmExit;
import tvmm.cpu.instr.Translator;
import tvmm.cpu.interrupts.GuestFault;
import tvmm.cpu.interrupts.SystemDelivery;
import tvmm.cpu.mem.MemoryAccess;
import tvmm.cpu.mem.PhysicalMemory;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.nodes.SoftwareInterrupt;
import tvmm.cpu.nodes.Unit;
import tvmm.cpu.nodes.UnitBuilder;
import tvmm.cpu.nodes.UnitCache;
import tvmm.cpu.state.CpuState;
import tvmm.cpu.svm.ExitCode;

/**
 * The minimal test machine of issue 03 for system-layer tests: RAM, the debug console at port
 * 0xE9 and isa-debug-exit at 0xF4, one vCPU built from the engine's translator with the
 * system layer's factory, MMU and delivery installed. It loads a flat Multiboot image at
 * 1 MiB and enters it in 32-bit protected mode as the test guests expect (lib/boot.inc).
 * The outer loop mirrors tvmm.cpu.Vcpu#run, which has no hook for a system factory yet.
 */
final class GuestMachine implements AutoCloseable {
    static final long LOAD = 0x10_0000;

    final PhysicalMemory phys = new PhysicalMemory(16 << 20);
    final CpuState s = new CpuState();
    final StringBuilder console = new StringBuilder();
    final SystemCpu sys;
    private final Translator translator = new Translator();
    private final UnitBuilder builder = new UnitBuilder(null, translator);
    private final UnitCache cache = new UnitCache();
    private final SystemDelivery delivery = new SystemDelivery(null);
    int exitStatus = -1;
    boolean shutdown;
    String stopReason = "";
    /** The first exceptions delivered, with the state they were raised in (for failure reports). */
    String lastFault = "";
    private int faults;

    GuestMachine() {
        ExitPort ports = new ExitPort() {
            @Override
            public long ioIn(int port, int size) {
                return size == 8 ? -1L : (1L << (size * 8)) - 1;
            }

            @Override
            public void ioOut(int port, int size, long value) {
                if (port == 0xe9) {
                    console.append((char) (value & 0xff));
                } else if (port == 0xf4) {
                    exitStatus = (int) ((value & 0xffff_ffffL) << 1 | 1);
                    throw new VmExit(ExitCode.IOIO, port, value);
                }
            }

            @Override
            public long mmioRead(long gpa, int size) {
                return 0; // no devices: an empty bus (the local APIC is absent)
            }

            @Override
            public void mmioWrite(long gpa, int size, long value) {
            }
        };
        s.mem = new MemoryAccess(s, phys, ports);
        sys = new SystemCpu(s, phys, new CpuidModel(1, 2_000_000_000L, 25_000_000L), 0, new SystemCpu.Platform() {
            private long tscOffset;

            @Override
            public long readTsc() {
                return System.nanoTime() * 2 + tscOffset;
            }

            @Override
            public void writeTsc(long value) {
                tscOffset = value - System.nanoTime() * 2;
            }

            @Override
            public long readMsr(int msr) {
                throw GuestFault.gp(0);
            }

            @Override
            public void writeMsr(int msr, long value) {
                throw GuestFault.gp(0);
            }
        });
        translator.setSystem(new SystemInstructions(sys));
    }

    /** Loads a Multiboot a.out-kludge image and sets the Multiboot entry state. */
    GuestMachine load(byte[] image) {
        java.nio.ByteBuffer h = null;
        for (int o = 0; o + 32 <= Math.min(image.length, 8192); o += 4) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(image, o, 32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            if (b.getInt(o) == 0x1BADB002) {
                h = b;
                break;
            }
        }
        if (h == null) {
            throw new IllegalArgumentException("no Multiboot header");
        }
        int at = h.position();
        long entry = h.getInt(at + 28) & 0xffff_ffffL;
        phys.load(LOAD, image);
        for (int i = 0; i < 6; i++) {
            s.seg[i].set(i == CpuState.CS ? 0x08 : 0x10, 0, 0xffffffff, i == CpuState.CS ? 0xc9b : 0xc93);
        }
        s.cr0 = ControlBits.CR0_PE | ControlBits.CR0_ET;
        s.cpl = 0;
        s.rflags = 2;
        s.gpr[CpuState.RAX] = 0x2BADB002L;
        s.rip = entry;
        s.updateMode();
        return this;
    }

    /** Runs until the guest exits, shuts down, or {@code maxUnits} units have run. */
    GuestMachine run(long maxUnits) {
        for (long n = 0; n < maxUnits; n++) {
            try {
                try {
                    Unit u = lookup();
                    s.codeModified = false;
                    u.target.call(s);
                } catch (GuestFault f) {
                    if (faults++ < 4) {
                        lastFault += " | " + f.getMessage() + " at " + Long.toHexString(s.rip) + " cpl " + s.cpl
                                + " cs " + s.seg[CpuState.CS] + " ds " + s.seg[CpuState.DS] + " fl "
                                + Long.toHexString(s.rflags) + " esi " + Long.toHexString(s.gpr[6]);
                    }
                    delivery.fault(s, f);
                } catch (SoftwareInterrupt i) {
                    delivery.softwareInterrupt(s, i);
                }
            } catch (VmExit e) {
                if (e.code == ExitCode.SHUTDOWN) {
                    shutdown = true;
                    stopReason = "shutdown after " + lastFault;
                    return this;
                }
                if (e.code == ExitCode.IOIO) {
                    stopReason = "exit port";
                    return this;
                }
                if (e.code == ExitCode.HLT) {
                    stopReason = "hlt with nothing to wake it";
                    return this;
                }
                stopReason = e.getMessage();
                return this;
            }
        }
        stopReason = "unit limit at rip " + Long.toHexString(s.rip);
        return this;
    }

    private Unit lookup() {
        long rip = s.rip;
        long linear = s.codeSize == 8 ? rip : (s.seg[CpuState.CS].base + rip) & 0xffffffffL;
        long pa = s.mem.translateFetch(linear);
        Unit u = cache.get(pa, s.modeKey);
        if (u != null && (u.root.start() != rip || !current(u))) {
            cache.remove(u);
            u = null;
        }
        if (u == null) {
            u = builder.build(s, rip, linear, pa, -1);
            cache.put(u);
        }
        return u;
    }

    private boolean current(Unit u) {
        if (phys.isRam(u.physical) && phys.codeVersion(u.physical) != u.version) {
            return false;
        }
        if (u.physical2 >= 0) {
            long pa2 = s.mem.translateFetch(u.linear2);
            return pa2 == u.physical2 && (!phys.isRam(pa2) || phys.codeVersion(pa2) == u.version2);
        }
        return true;
    }

    @Override
    public void close() {
        phys.close();
    }
}
