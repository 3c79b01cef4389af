; The 16550A at COM1 (0x3F8) as a driver uses it (PC16550D datasheet): in loopback mode
; (MCR bit 4) the modem outputs appear on the MSR inputs with their delta bits, written
; characters come back through the FIFO without reaching the line, the receive interrupt
; shows in IIR but the IRQ pin stays quiet (OUT2 is forced inactive); then, out of
; loopback, a line the host types arrives by receive interrupts through the IOAPIC (GSI 4)
; and is echoed back to the host.

%include "lib/boot.inc"
%include "plat.inc"

COM1 equ 0x3F8
RBR equ COM1
IER equ COM1 + 1
IIR equ COM1 + 2
FCR equ COM1 + 2
LCR equ COM1 + 3
MCR equ COM1 + 4
LSR equ COM1 + 5
MSR equ COM1 + 6
UART_VECTOR equ 0x34

%macro OUTB 2
    mov dx, %1
    mov al, %2
    out dx, al
%endmacro

%macro INB 1
    mov dx, %1
    in al, dx
    movzx eax, al
%endmacro

test_main:
    call tsc_init
    call pic_init
    mov dword [hooks32 + (PIC_VECTOR + 4) * 4], irq4_8259
    mov dword [hooks32 + UART_VECTOR * 4], uart_irq
    mov dword [hooks32 + 0x31 * 4], wake_irq
    OUTB LCR, 0x80              ; DLAB: divisor 1, 115200 baud
    OUTB COM1, 1
    OUTB COM1 + 1, 0
    OUTB LCR, 0x03              ; 8N1
    OUTB FCR, 0x07              ; FIFOs on and cleared, trigger level 1
    OUTB IER, 0

    ; ---- loopback: MCR outputs to MSR inputs (RTS->CTS, DTR->DSR, OUT1->RI, OUT2->DCD) ----
    OUTB MCR, 0x11              ; LOOP | DTR
    INB MSR                     ; clears the deltas of entering loopback
    OUTB MCR, 0x12              ; LOOP | RTS
    INB MSR
    EXPECT eax, 0x13, "MSR after DTR -> RTS: CTS, DCTS, DDSR"
    OUTB MCR, 0x14              ; LOOP | OUT1
    INB MSR
    EXPECT eax, 0x41, "MSR after RTS -> OUT1: RI, DCTS"
    OUTB MCR, 0x18              ; LOOP | OUT2
    INB MSR
    EXPECT eax, 0x8C, "MSR after OUT1 -> OUT2: DCD, DDCD, TERI (RI fell)"
    INB MSR
    EXPECT eax, 0x80, "MSR read again: deltas cleared"

    ; ---- loopback data through the FIFO ----
    OUTB MCR, 0x10
    mov esi, loop_text
.send:
    lodsb
    test al, al
    jz .sent
    mov dx, COM1
    out dx, al
    jmp .send
.sent:
    mov esi, mark
    call tsc_mark
    xor edi, edi
.recv:
    INB LSR
    test al, 1
    jz .empty
    INB RBR
    mov [rx + edi], al
    inc edi
    cmp edi, 4
    je .looped
    jmp .recv
.empty:
    mov esi, mark
    call ms_since
    cmp eax, 1000
    jb .recv
    FAIL "loopback characters did not come back within 1 s"
.looped:
    mov eax, [rx]
    EXPECT eax, [loop_text], "characters back through loopback (LOOP)"
    INB LSR
    and eax, 0x61
    EXPECT eax, 0x60, "LSR: FIFO empty, THRE and TEMT"

    ; ---- loopback receive interrupt: in IIR, not on the IRQ pin ----
    mov al, 4
    call pic_unmask
    OUTB COM1, 'x'
.wait_x:
    INB LSR
    test al, 1
    jz .wait_x
    OUTB IER, 0x01              ; receive data available
    INB IIR
    and eax, 0x0F
    EXPECT eax, 0x04, "IIR in loopback with a character and ERBFI: receive data available"
    mov ecx, 20
    call run_irqs_ms
    EXPECT dword [irq4_count], 0, "IRQ4 interrupts while in loopback (OUT2 forced inactive)"
    INB RBR
    EXPECT eax, 'x', "the character sent in loopback"
    INB IIR
    EXPECT eax, 0xC1, "IIR after reading it: FIFOs on, nothing pending"
    OUTB IER, 0
    call pic_mask_all

    ; ---- out of loopback: the host's line arrives by receive interrupts through GSI 4 ----
    mov ecx, 4
    mov eax, UART_VECTOR        ; edge, active high, fixed, to APIC 0
    call ioapic_route
    OUTB MCR, 0x0B              ; DTR, RTS, OUT2 (the PC's IRQ enable)
    OUTB IER, 0x01
    mov dword [LAPIC + 0x3E0], 0x0B           ; a 10 ms wake-up, for the time limit
    mov dword [LAPIC + 0x320], 0x20000 | 0x31
    mov eax, [crystal_hz]
    xor edx, edx
    mov ecx, 100
    div ecx
    mov [LAPIC + 0x380], eax
    PRINT "ready for input", 10
    mov esi, mark
    call tsc_mark
.line:
    sti
    hlt
    cli
    cmp dword [line_done], 0
    jne .got_line
    mov esi, mark
    call ms_since
    cmp eax, 10000
    jb .line
    FAIL "no line from the host within 10 s"
.got_line:
    mov dword [LAPIC + 0x380], 0
    PRINT "received by "
    PRINTDEC [uart_irqs]
    PRINT " receive interrupts: "
    mov esi, rx
    call puts32
    CHECK_RANGE [uart_irqs], 1, 6, "receive interrupts for 6 characters"
    ; echo it to the host, polling THRE
    mov esi, rx
.echo:
    INB LSR
    test al, 0x20
    jz .echo
    lodsb
    test al, al
    jz .echoed
    mov dx, COM1
    out dx, al
    jmp .echo
.echoed:
    INB LSR
    test al, 0x40               ; TEMT: the last character has left
    jz .echoed
    PASS

irq4_8259:
    inc dword [irq4_count]
    call pic_eoi_master
    ret

; receive interrupt: drain the FIFO while IIR says something is pending
uart_irq:
    inc dword [uart_irqs]
.pending:
    mov dx, IIR
    in al, dx
    test al, 1
    jnz .done
    and al, 0x0E
    cmp al, 0x04
    je .drain
    cmp al, 0x0C                ; character timeout
    je .drain
    mov dx, LSR                 ; anything else: read LSR/MSR to clear it
    in al, dx
    mov dx, MSR
    in al, dx
    jmp .pending
.drain:
    mov dx, LSR
    in al, dx
    test al, 1
    jz .pending
    mov dx, RBR
    in al, dx
    mov ecx, [rx_len]
    cmp ecx, 62
    jae .drain
    mov [rx + ecx], al
    mov byte [rx + ecx + 1], 0
    inc dword [rx_len]
    cmp al, 10
    jne .drain
    mov dword [line_done], 1
    jmp .drain
.done:
    call lapic_eoi
    ret

wake_irq:
    call lapic_eoi
    ret

loop_text: db "LOOP", 0
align 4
mark:       dq 0
irq4_count: dd 0
uart_irqs:  dd 0
rx_len:     dd 0
line_done:  dd 0
rx:         times 64 db 0

%include "lib/end.inc"
