package tvmm.vmm.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tvmm.devices.uart.SerialBackend;
import tvmm.vmm.svm.Stop;
import tvmm.vmm.testing.Nasm;

/**
 * An interrupt-driven serial driver on the whole machine: the guest enables the 16550's THRE
 * interrupt through the 8259 and halts; every THRE interrupt's handler sends the next
 * character, EOIs the PIC and returns with IRET, so each character needs a new interrupt
 * after the previous EOI (Humbel's lessons: THRE interrupts, delivery after EOI, HLT wake).
 */
class UartInterruptTest {
    @TempDir
    Path dir;

    static final String GUEST = Nasm.MULTIBOOT + """
            start:
            mov esp, 0x90000
            lidt [idtr]
            ; 8259 master: ICW1 edge+ICW4, ICW2 vector 0x20, ICW3 slave on IR2, ICW4 8086; unmask IRQ4 only
            mov al, 0x11
            out 0x20, al
            mov al, 0x20
            out 0x21, al
            mov al, 0x04
            out 0x21, al
            mov al, 0x01
            out 0x21, al
            mov al, 0xEF
            out 0x21, al
            ; 16550 at 0x3F8: 8N1, OUT2 (the PC's IRQ gate), THRE interrupt on
            mov dx, 0x3FB
            mov al, 0x03
            out dx, al
            mov dx, 0x3FC
            mov al, 0x08
            out dx, al
            mov dx, 0x3F9
            mov al, 0x02
            out dx, al
            sti
            idle:
            hlt
            cmp dword [done], 0
            je idle
            cli
            mov eax, [irqs]
            out 0xF4, al                    ; debug exit with the number of interrupts taken
            hlt

            irq4:
            push eax
            push edx
            push esi
            inc dword [irqs]
            mov dx, 0x3FA
            in al, dx                      ; IIR: reading it acknowledges THRE
            mov esi, [pos]
            mov al, [msg + esi]
            test al, al
            jz .finished
            mov dx, 0x3F8
            out dx, al
            inc dword [pos]
            jmp .eoi
            .finished:
            mov dx, 0x3F9
            xor al, al
            out dx, al                     ; IER = 0: no more THRE interrupts
            mov dword [done], 1
            .eoi:
            mov al, 0x20
            out 0x20, al                   ; non-specific EOI
            pop esi
            pop edx
            pop eax
            iret

            align 8
            idt:
            times 0x24 dq 0
            dw irq4 - $$, 0x08, 0x8E00, 0x0010   ; vector 0x24: 32-bit interrupt gate to irq4 (at 0x10xxxx)
            idt_end:
            idtr: dw idt_end - idt - 1
            dd idt
            msg: db "THRE says hello", 10, 0
            align 4
            pos: dd 0
            irqs: dd 0
            done: dd 0
            end:
            """;

    @Test
    void charactersAreSentOnePerThreInterrupt() throws Exception {
        byte[] kernel = Nasm.assemble(GUEST);
        Path k = dir.resolve("uart.bin");
        Files.write(k, kernel);
        ByteArrayOutputStream serial = new ByteArrayOutputStream();
        SerialBackend backend = b -> {
            synchronized (serial) {
                serial.write(b);
            }
        };
        MachineConfig config = new MachineConfig(16L << 20, 1, backend, 1000, b -> { }, l -> { });
        Stop stop;
        try (Machine m = new Machine(config)) {
            m.load(k, null, null);
            stop = m.run(Duration.ofSeconds(60));
        }
        String text;
        synchronized (serial) {
            text = serial.toString(StandardCharsets.US_ASCII);
        }
        assertEquals(Stop.Kind.DEBUG_EXIT, stop.kind(), stop.reason() + " after serial output: " + text);
        assertEquals("THRE says hello\n", text);
        // One interrupt per character plus the one that finds the message done.
        assertEquals(("THRE says hello\n".length() + 1) * 2 + 1, stop.status());
    }
}
