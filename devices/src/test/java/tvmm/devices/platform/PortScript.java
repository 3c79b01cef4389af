package tvmm.devices.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tvmm.devices.bus.IoBus;
import tvmm.devices.time.ManualClock;

/**
 * A straight-line sequence of port accesses that runs both as a tiny multiboot guest
 * under QEMU (the oracle: each IN's value is written byte by byte to the 0xE9 debug
 * console, the guest ends through isa-debug-exit) and directly against our port bus, so
 * the two transcripts can be compared read by read.
 */
final class PortScript {
    /**
     * One access; {@code mask} selects the bits a read is compared on. A wait op
     * ({@code poll}) polls a byte port until {@code (in & mask) == value}, as a driver polls
     * a status bit, so timing differences between the two machines do not matter.
     */
    record Op(boolean in, int port, int size, long value, long mask, String note, boolean poll) {
        Op(boolean in, int port, int size, long value, long mask, String note) {
            this(in, port, size, value, mask, note, false);
        }
    }

    private final List<Op> ops = new ArrayList<>();

    PortScript out(int port, int size, long value) {
        ops.add(new Op(false, port, size, value, 0, null));
        return this;
    }

    PortScript outb(int port, int value) {
        return out(port, 1, value);
    }

    PortScript in(int port, int size, long mask, String note) {
        ops.add(new Op(true, port, size, 0, mask, note));
        return this;
    }

    /** Polls byte port {@code port} until {@code (value & mask) == expect}. */
    PortScript waitFor(int port, int mask, int expect) {
        ops.add(new Op(false, port, 1, expect, mask, null, true));
        return this;
    }

    PortScript inb(int port, String note) {
        return in(port, 1, 0xFF, note);
    }

    List<Op> ops() {
        return ops;
    }

    /** The guest: a multiboot (a.out kludge) image loaded at 1 MiB, 32-bit flat code. */
    byte[] guest() {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        for (Op op : ops) {
            emit(code, 0x66, 0xBA, op.port & 0xFF, op.port >> 8);   // mov dx, port
            if (op.poll) {
                // poll: in al, dx; and al, mask; cmp al, value; jne poll
                emit(code, 0xEC, 0x24, (int) op.mask & 0xFF, 0x3C, (int) op.value & 0xFF, 0x75, 0xF9);
            } else if (!op.in) {
                switch (op.size) {
                    case 1 -> emit(code, 0xB0, (int) op.value & 0xFF, 0xEE);            // mov al; out dx, al
                    case 2 -> emit(code, 0x66, 0xB8, (int) op.value & 0xFF, (int) (op.value >> 8) & 0xFF,
                            0x66, 0xEF);                                                  // mov ax; out dx, ax
                    default -> {
                        emit(code, 0xB8);
                        for (int i = 0; i < 4; i++) {
                            emit(code, (int) (op.value >> (8 * i)) & 0xFF);
                        }
                        emit(code, 0xEF);                                                 // mov eax; out dx, eax
                    }
                }
            } else {
                switch (op.size) {
                    case 1 -> emit(code, 0xEC);
                    case 2 -> emit(code, 0x66, 0xED);
                    default -> emit(code, 0xED);
                }
                for (int i = 0; i < op.size; i++) {
                    emit(code, 0xE6, 0xE9);                                               // out 0xE9, al
                    if (i + 1 < op.size) {
                        emit(code, 0xC1, 0xE8, 0x08);                                     // shr eax, 8
                    }
                }
            }
        }
        emit(code, 0x66, 0xBA, 0xF4, 0x00, 0xB0, 0x00, 0xEE, 0xF4, 0xEB, 0xFD); // debug exit; hlt; jmp $
        int magic = 0x1BADB002;
        int flags = 0x0001_0000; // the address fields below are valid (a.out kludge)
        ByteBuffer image = ByteBuffer.allocate(32 + code.size()).order(ByteOrder.LITTLE_ENDIAN);
        image.putInt(magic).putInt(flags).putInt(-(magic + flags))
                .putInt(0x10_0000).putInt(0x10_0000).putInt(0).putInt(0).putInt(0x10_0020);
        image.put(code.toByteArray());
        return image.array();
    }

    private static void emit(ByteArrayOutputStream code, int... bytes) {
        for (int b : bytes) {
            code.write(b);
        }
    }

    static boolean qemuAvailable() {
        return Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64"));
    }

    /** Runs the guest under QEMU's "pc" machine (TCG) and returns the values it read. */
    long[] runOnQemu(Path dir, int megabytes) throws IOException, InterruptedException {
        Path kernel = dir.resolve("guest.bin");
        Path console = dir.resolve("debugcon.bin");
        Files.write(kernel, guest());
        Process p = new ProcessBuilder("/usr/bin/qemu-system-x86_64", "-machine", "pc", "-accel", "tcg",
                "-display", "none", "-vga", "none", "-nodefaults", "-no-reboot", "-smp", "1",
                "-m", Integer.toString(megabytes), "-serial", "null", "-kernel", kernel.toString(),
                "-debugcon", "file:" + console, "-device", "isa-debug-exit,iobase=0xf4,iosize=0x01")
                .redirectErrorStream(true).redirectOutput(dir.resolve("qemu.log").toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            long got = Files.exists(console) ? Files.size(console) : 0;
            throw new IOException("qemu did not finish (a wait never satisfied?); transcript has " + got + " bytes");
        }
        if (p.exitValue() != 1) {
            throw new IOException("qemu exit " + p.exitValue() + ": " + Files.readString(dir.resolve("qemu.log")));
        }
        return decode(Files.readAllBytes(console));
    }

    private long[] decode(byte[] transcript) throws IOException {
        List<Long> values = new ArrayList<>();
        int at = 0;
        for (Op op : ops) {
            if (!op.in) {
                continue;
            }
            if (at + op.size > transcript.length) {
                throw new IOException("transcript ends after " + values.size() + " reads");
            }
            long v = 0;
            for (int i = 0; i < op.size; i++) {
                v |= (transcript[at++] & 0xFFL) << (8 * i);
            }
            values.add(v);
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** Runs the script against {@code bus}, advancing {@code clock} by {@code nanosPerOp} per access. */
    long[] runOn(IoBus bus, ManualClock clock, long nanosPerOp) {
        List<Long> values = new ArrayList<>();
        for (Op op : ops) {
            clock.advance(nanosPerOp);
            if (op.poll) {
                for (int i = 0; i < 10_000_000 && (bus.read(op.port, 1) & op.mask) != op.value; i++) {
                    clock.advance(nanosPerOp);
                }
            } else if (op.in) {
                values.add(bus.read(op.port, op.size));
            } else {
                bus.write(op.port, op.size, op.value);
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** The reads in order, for failure messages. */
    List<Op> reads() {
        return ops.stream().filter(Op::in).toList();
    }
}
