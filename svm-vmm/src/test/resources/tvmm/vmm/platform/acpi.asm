; The ACPI tables read back as an OS does (ACPI 6.5 §5.2): RSDP, RSDT and XSDT with the same
; tables, every checksum; the FADT's PM blocks, PM timer and reset register; the MADT with
; one enabled local APIC per vCPU (run with 2; fw_cfg's CPU count agrees), the IOAPIC (whose
; own registers confirm its ID and 24 pins) and the interrupt source overrides; the AP the
; MADT lists started with INIT/STARTUP IPIs and reporting its APIC ID from real mode; the
; PM timer at 3.579545 MHz against the TSC; the SCI (PM timer overflow status) as a level
; interrupt on the GSI the MADT names, then through the 8259 with IRQ9 level in the ELCR.

%include "lib/boot.inc"
%include "plat.inc"
%include "acpi.inc"

AP_FLAG equ 0x7000
SCI_VECTOR equ 0x49

test_main:
    call tsc_init
    call acpi_init

    ; ---- every table the RSDT lists, and the XSDT lists the same ----
    PRINT "RSDT entries:", 10
    mov esi, [rsdt]
    mov ecx, [esi + 4]
    sub ecx, 36
    shr ecx, 2
    mov [entries], ecx
    xor edi, edi
.rsdt:
    mov esi, [rsdt]
    mov esi, [esi + 36 + edi * 4]
    mov eax, [esi]
    call acpi_check
    mov edx, [xsdt]
    mov eax, [edx + 36 + edi * 8]
    EXPECT eax, esi, "XSDT entry vs RSDT entry"
    mov eax, [edx + 36 + edi * 8 + 4]
    EXPECT eax, 0, "XSDT entry above 4 GiB"
    inc edi
    cmp edi, [entries]
    jb .rsdt
    mov edx, [xsdt]
    mov eax, [edx + 4]
    sub eax, 36
    shr eax, 3
    EXPECT eax, [entries], "XSDT entries vs RSDT entries"

    ; ---- FADT ----
    mov eax, 'FACP'
    call acpi_find
    test eax, eax
    jnz .fadt
    FAIL "no FADT"
.fadt:
    mov ebx, eax
    CHECK_RANGE [ebx + 4], 244, 4096, "FADT length (ACPI 2.0+ with X_ fields)"
    mov esi, [ebx + 40]
    EXPECT esi, [ebx + 140], "X_DSDT vs DSDT"
    EXPECT dword [ebx + 144], 0, "X_DSDT above 4 GiB"
    mov eax, 'DSDT'
    call acpi_check
    mov esi, [ebx + 36]
    EXPECT dword [esi], 'FACS', "FACS signature"
    CHECK_RANGE [esi + 4], 64, 4096, "FACS length"
    PRINT "PM1a_EVT 0x"
    PRINTHEX [ebx + 56]
    PRINT " PM1a_CNT 0x"
    PRINTHEX [ebx + 64]
    PRINT " PM_TMR 0x"
    PRINTHEX [ebx + 76]
    PRINT " SCI_INT "
    movzx eax, word [ebx + 46]
    call putdec32
    PRINT " flags 0x"
    PRINTHEX [ebx + 112]
    PRINT 10
    movzx eax, byte [ebx + 88]
    EXPECT eax, 4, "PM1_EVT_LEN"
    movzx eax, byte [ebx + 89]
    EXPECT eax, 2, "PM1_CNT_LEN"
    movzx eax, byte [ebx + 91]
    EXPECT eax, 4, "PM_TMR_LEN"
    EXPECT dword [ebx + 208 + 4], [ebx + 76], "X_PM_TMR_BLK vs PM_TMR_BLK"
    EXPECT dword [ebx + 172 + 4], [ebx + 64], "X_PM1a_CNT_BLK vs PM1a_CNT_BLK"
    mov eax, [ebx + 112]
    test eax, 1 << 10
    jnz .reset_sup
    FAIL "RESET_REG_SUP clear"
.reset_sup:
    movzx eax, byte [ebx + 116]
    EXPECT eax, 1, "RESET_REG address space (1 = I/O)"
    PRINT "reset register: port 0x"
    PRINTHEX [ebx + 120]
    PRINT " value 0x"
    movzx eax, byte [ebx + 128]
    call puthex32
    PRINT 10
    mov eax, [ebx + 76]
    mov [pm_tmr], eax
    mov eax, [ebx + 56]
    mov [pm1a_evt], eax
    movzx eax, word [ebx + 46]
    mov [sci_irq], eax

    ; ---- MADT ----
    mov eax, 'APIC'
    call acpi_find
    test eax, eax
    jnz .madt
    FAIL "no MADT"
.madt:
    mov ebx, eax
    EXPECT dword [ebx + 36], LAPIC, "MADT local APIC address"
    mov eax, [ebx + 40]
    and eax, 1
    EXPECT eax, 1, "MADT PCAT_COMPAT (8259s present)"
    lea esi, [ebx + 44]
    mov edi, ebx
    add edi, [ebx + 4]
.entry:
    cmp esi, edi
    jae .entries_done
    movzx ecx, byte [esi + 1]
    cmp ecx, 2
    jae .len_ok
    FAIL "MADT entry shorter than 2 bytes"
.len_ok:
    movzx eax, byte [esi]
    cmp eax, 0
    je .lapic
    cmp eax, 1
    je .ioapic
    cmp eax, 2
    je .iso
    jmp .next
.lapic:
    PRINT "  local APIC: UID "
    movzx eax, byte [esi + 2]
    call putdec32
    PRINT " APIC ID "
    movzx eax, byte [esi + 3]
    call putdec32
    PRINT " flags "
    PRINTDEC [esi + 4]
    PRINT 10
    test byte [esi + 4], 1
    jz .next
    mov edx, [cpus]
    mov [apic_ids + edx * 4], eax
    inc dword [cpus]
    jmp .next
.ioapic:
    inc dword [ioapics]
    movzx eax, byte [esi + 2]
    mov [ioapic_id], eax
    mov eax, [esi + 4]
    mov [ioapic_addr], eax
    PRINT "  IOAPIC: ID "
    PRINTDEC [ioapic_id]
    PRINT " at 0x"
    PRINTHEX eax
    PRINT " GSI base "
    PRINTDEC [esi + 8]
    PRINT 10
    EXPECT dword [esi + 8], 0, "IOAPIC GSI base"
    jmp .next
.iso:
    PRINT "  override: IRQ "
    movzx eax, byte [esi + 3]
    call putdec32
    PRINT " -> GSI "
    PRINTDEC [esi + 4]
    PRINT " flags 0x"
    movzx edx, word [esi + 8]
    PRINTHEX edx
    PRINT 10
    cmp eax, 0
    jne .not_irq0
    EXPECT dword [esi + 4], 2, "GSI of ISA IRQ0 (the PIT)"
    inc dword [irq0_override]
.not_irq0:
    cmp eax, [sci_irq]
    jne .next
    EXPECT edx, 0x000D, "SCI override flags (level, active high)"
    mov eax, [esi + 4]
    mov [sci_gsi], eax
.next:
    add esi, ecx
    jmp .entry
.entries_done:
    EXPECT dword [ioapics], 1, "IOAPICs"
    EXPECT dword [irq0_override], 1, "IRQ0 overrides"
    ; fw_cfg's CPU count (selector 5, 16-bit) agrees with the MADT
    mov dx, 0x510
    mov ax, 0x05
    out dx, ax
    inc dx
    in al, dx
    movzx ecx, al
    in al, dx
    movzx eax, al
    shl eax, 8
    or ecx, eax
    EXPECT dword [cpus], ecx, "enabled local APICs in the MADT vs fw_cfg CPU count"
    EXPECT ecx, 2, "vCPUs (the test runs with 2)"
    ; the IOAPIC's registers at the MADT's address
    mov ebx, [ioapic_addr]
    mov dword [ebx], 0          ; IOAPICID
    mov eax, [ebx + 0x10]
    shr eax, 24
    and eax, 0xF
    EXPECT eax, [ioapic_id], "IOAPIC ID register vs MADT"
    mov dword [ebx], 1          ; IOAPICVER
    mov eax, [ebx + 0x10]
    shr eax, 16
    and eax, 0xFF
    inc eax
    EXPECT eax, 24, "IOAPIC redirection entries"

    ; ---- the BSP is one of the MADT's processors; start the other one ----
    mov eax, [LAPIC + 0x20]
    shr eax, 24
    mov [bsp_id], eax
    mov eax, 1
    cpuid
    shr ebx, 24
    EXPECT ebx, [bsp_id], "CPUID.1 initial APIC ID vs the local APIC ID register"
    mov ebx, [apic_ids]
    cmp ebx, [bsp_id]
    jne .ap_found
    mov ebx, [apic_ids + 4]
    mov eax, [apic_ids]
    EXPECT eax, [bsp_id], "the BSP's APIC ID is in the MADT"
.ap_found:
    mov [ap_id], ebx
    PRINT "BSP APIC ID "
    PRINTDEC [bsp_id]
    PRINT ", starting APIC ID "
    PRINTDEC ebx
    PRINT 10
    mov esi, trampoline
    mov edi, 0x8000
    mov ecx, trampoline_end - trampoline
    rep movsb
    mov dword [AP_FLAG], 0
    mov eax, ebx
    shl eax, 24
    mov [LAPIC + 0x310], eax
    mov dword [LAPIC + 0x300], 0x00004500   ; INIT, assert
    mov ecx, 10
    call delay_ms
    mov [LAPIC + 0x310], eax
    mov dword [LAPIC + 0x300], 0x00004608   ; STARTUP, vector 0x08: 0x8000
    mov ecx, 1
    call delay_ms
    mov [LAPIC + 0x310], eax
    mov dword [LAPIC + 0x300], 0x00004608   ; the second STARTUP (MP spec B.4)
    mov esi, mark
    call tsc_mark
.ap_wait:
    pause
    cmp dword [AP_FLAG], 0
    jne .ap_up
    call ms_since
    cmp eax, 5000
    jb .ap_wait
    FAIL "the AP did not start within 5 s"
.ap_up:
    mov eax, [ap_id]
    or eax, 0x100
    EXPECT dword [AP_FLAG], eax, "0x100 | the APIC ID the AP read with CPUID in real mode"

    ; ---- PM timer: 24 bits at 3.579545 MHz ----
    mov esi, read_pm_timer
    mov ecx, 50
    mov edi, 0xFFFFFF
    xor edx, edx
    call counter_rate
    CHECK_RANGE eax, 3508, 3651, "PM timer kHz (3579.545 nominal)"

    ; ---- the SCI: TMR_STS (the PM timer's bit 23 changed) through the MADT's SCI GSI ----
    ; Level, active high, as the override says; the handler clears TMR_STS (write 1)
    ; before its EOI, so there is exactly one interrupt and Remote IRR is clear after it.
    mov ecx, [sci_gsi]
    mov eax, SCI_VECTOR | (1 << 15)
    call ioapic_route
    mov dword [hooks32 + SCI_VECTOR * 4], sci_handler
    mov dword [hooks32 + 0x31 * 4], wake_irq
    mov edx, [pm1a_evt]
    mov ax, 1
    out dx, ax                  ; PM1_STS: clear TMR_STS
    add edx, 2
    out dx, ax                  ; PM1_EN: TMR_EN
    mov dword [LAPIC + 0x3E0], 0x0B           ; a 10 ms wake-up for the time limit
    mov dword [LAPIC + 0x320], 0x20000 | 0x31
    mov eax, [crystal_hz]
    xor edx, edx
    mov ecx, 100
    div ecx
    mov [LAPIC + 0x380], eax
    mov esi, mark
    call tsc_mark
.sci_wait:
    sti
    hlt
    cli
    cmp dword [sci_count], 0
    jne .sci_taken
    call ms_since
    cmp eax, 3000               ; bit 23 changes every 2.34 s
    jb .sci_wait
    FAIL "no SCI within 3 s of enabling TMR_EN"
.sci_taken:
    mov ecx, 100
    call run_irqs_ms            ; (a second SCI would come now)
    mov dword [LAPIC + 0x380], 0
    PRINT "SCI on GSI "
    PRINTDEC [sci_gsi]
    PRINT ": "
    PRINTDEC [sci_count]
    PRINT " interrupt(s), PM1_STS 0x"
    PRINTHEX [sci_status]
    PRINT ", PM timer 0x"
    PRINTHEX [sci_timer]
    PRINT " in the handler", 10
    EXPECT dword [sci_count], 1, "SCIs after TMR_STS was cleared in the handler"
    mov eax, [sci_status]
    and eax, 1
    EXPECT eax, 1, "TMR_STS in the SCI handler"
    mov eax, [sci_timer]
    and eax, 0x7FFFFF
    CHECK_RANGE eax, 0, 0x3FFFFF, "PM timer counts since its bit 23 changed, in the handler"
    mov ecx, [sci_gsi]
    lea eax, [0x10 + ecx * 2]
    mov [IOAPIC], eax
    mov eax, [IOAPIC + 0x10]
    and eax, 1 << 14
    EXPECT eax, 0, "Remote IRR of the SCI pin after the EOI"

    ; ---- the same SCI through the 8259 pair, IRQ9 made level-triggered in the ELCR ----
    ; The first handler EOIs without clearing TMR_STS: the input is still high, so a
    ; level-triggered 8259 requests again; the second clears it first. (Edge-triggered,
    ; there would be no second interrupt.)
    mov ecx, [sci_gsi]
    call ioapic_mask
    call pic_init
    mov dx, 0x4D1               ; ELCR2: IRQ8..15, bit 1 = IRQ9
    in al, dx
    or al, 1 << (9 - 8)
    out dx, al
    mov dword [hooks32 + (PIC_VECTOR + 9) * 4], sci_8259
    mov dword [sci_count], 0
    mov al, 9
    call pic_unmask
    mov eax, [crystal_hz]       ; the 10 ms wake-up again
    xor edx, edx
    mov ecx, 100
    div ecx
    mov [LAPIC + 0x380], eax
    mov esi, mark
    call tsc_mark
.pic_wait:
    sti
    hlt
    cli
    cmp dword [sci_count], 2
    jae .pic_taken
    call ms_since
    cmp eax, 3000               ; the next change of bit 23, 2.34 s after the last
    jb .pic_wait
    PRINT "SCI through the 8259: "
    PRINTDEC [sci_count]
    PRINT " interrupt(s)", 10
    FAIL "fewer than 2 SCIs through the level-triggered 8259 input within 3 s"
.pic_taken:
    mov ecx, 100
    call run_irqs_ms
    mov dword [LAPIC + 0x380], 0
    PRINT "SCI through the 8259 (IRQ9, ELCR level): "
    PRINTDEC [sci_count]
    PRINT " interrupts", 10
    EXPECT dword [sci_count], 2, "SCIs: again after an EOI with the input high, not after the clear"
    mov edx, [pm1a_evt]
    add edx, 2
    xor eax, eax
    out dx, ax                  ; TMR_EN off
    PASS

; IRQ9 from the 8259: the first only EOIs (slave, then master), the second clears TMR_STS
sci_8259:
    inc dword [sci_count]
    cmp dword [sci_count], 1
    je .eoi
    mov edx, [pm1a_evt]
    mov ax, 1
    out dx, ax
.eoi:
    call pic_eoi_slave
    ret

sci_handler:
    inc dword [sci_count]
    mov edx, [pm1a_evt]
    in ax, dx
    movzx eax, ax
    mov [sci_status], eax
    mov edx, [pm_tmr]
    in eax, dx
    mov [sci_timer], eax
    mov edx, [pm1a_evt]
    mov ax, 1
    out dx, ax                  ; clear TMR_STS: the SCI line falls
    call lapic_eoi
    ret

wake_irq:
    call lapic_eoi
    ret

read_pm_timer:
    mov edx, [pm_tmr]
    in eax, dx
    ret

bits 16
trampoline:                     ; at 0x8000 in real mode, CS = 0x0800
    xor ax, ax
    mov ds, ax
    mov eax, 1
    cpuid
    shr ebx, 24
    or ebx, 0x100
    mov [AP_FLAG], ebx
    cli
.park:
    hlt
    jmp .park
trampoline_end:
bits 32

align 4
mark:          dq 0
entries:       dd 0
pm1a_evt:      dd 0
sci_irq:       dd 0
sci_gsi:       dd 0
sci_count:     dd 0
sci_status:    dd 0
sci_timer:     dd 0
pm_tmr:        dd 0
cpus:          dd 0
apic_ids:      times 8 dd 0
ioapics:       dd 0
ioapic_id:     dd 0
ioapic_addr:   dd 0
irq0_override: dd 0
bsp_id:        dd 0
ap_id:         dd 0

%include "lib/end.inc"
