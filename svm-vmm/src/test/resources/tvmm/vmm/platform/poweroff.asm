; ACPI soft-off as an OS does it (ACPI 6.5 §7.4.2, §16.1.7): SLP_TYPa from the DSDT's \_S5
; package, parsed out of the AML (NameOp "_S5_" PackageOp PkgLength NumElements, then the
; first element: BytePrefix n, ZeroOp or OneOp), written with SLP_EN to the FADT's
; PM1a_CNT_BLK. The machine must stop with "powered off"; anything after that fails.

%include "lib/boot.inc"
%include "plat.inc"
%include "acpi.inc"

SLP_EN equ 1 << 13

test_main:
    call tsc_init
    call acpi_init
    mov eax, 'FACP'
    call acpi_find
    test eax, eax
    jnz .fadt
    FAIL "no FADT"
.fadt:
    mov ebx, eax
    mov eax, [ebx + 64]
    mov [pm1a_cnt], eax
    mov esi, [ebx + 40]
    mov eax, 'DSDT'
    call acpi_check
    ; find "_S5_" after a NameOp (0x08), possibly with a root prefix '\'
    mov ecx, [esi + 4]
    lea edi, [esi + ecx - 4]
    add esi, 36
.scan:
    cmp esi, edi
    jae .none
    cmp dword [esi], '_S5_'
    jne .skip
    cmp byte [esi - 1], 0x08
    je .named
    cmp byte [esi - 1], '\'
    jne .skip
    cmp byte [esi - 2], 0x08
    je .named
.skip:
    inc esi
    jmp .scan
.none:
    FAIL "no \_S5 object in the DSDT"
.named:
    add esi, 4
    movzx eax, byte [esi]
    EXPECT eax, 0x12, "\_S5 is a Package (PackageOp)"
    movzx eax, byte [esi + 1]
    shr eax, 6                  ; PkgLength: bytes that follow the lead byte
    lea esi, [esi + 2 + eax]
    movzx eax, byte [esi]
    PRINT "\_S5 package elements: "
    call putdec32
    PRINT 10
    CHECK_RANGE eax, 2, 4, "\_S5 elements"
    inc esi
    movzx eax, byte [esi]
    cmp eax, 0x0A               ; BytePrefix
    jne .not_byte
    movzx eax, byte [esi + 1]
    jmp .slp_typ
.not_byte:
    cmp eax, 1                  ; ZeroOp 0, OneOp 1
    jbe .slp_typ
    FAIL "first \_S5 element is not a byte constant"
.slp_typ:
    mov [slp_typ], eax
    PRINT "SLP_TYPa for S5: "
    call putdec32
    PRINT ", PM1a_CNT at 0x"
    PRINTHEX [pm1a_cnt]
    PRINT 10
    CHECK_RANGE eax, 0, 7, "SLP_TYPa (3 bits)"
    mov edx, [pm1a_cnt]
    in ax, dx
    movzx eax, ax
    PRINT "PM1a_CNT before: 0x"
    call puthex32
    PRINT 10
    and eax, 1                  ; keep SCI_EN
    mov ecx, [slp_typ]
    shl ecx, 10
    or eax, ecx
    or eax, SLP_EN
    PRINT "powering off", 10
    out dx, ax
    mov ecx, 500
    call delay_ms
    FAIL "still running 500 ms after SLP_EN with the S5 sleep type"

align 4
pm1a_cnt: dd 0
slp_typ:  dd 0

%include "lib/end.inc"
