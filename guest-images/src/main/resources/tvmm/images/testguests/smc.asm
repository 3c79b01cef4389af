; Self-modifying code (SDM vol. 3 §8.1.3): a store to an instruction that is about to run
; must be seen by its fetch — the very next instruction in the same page, code in another
; page, a buffer rewritten after it ran, and (in long mode) code written through a second
; virtual mapping of the same physical page. Each is run several times so a translation
; cached by an emulator would be stale without invalidation.
%include "lib/boot.inc"
%include "lib/long.inc"

test_main:
    PRINT "smc: same page, next instruction", 10
    xor ebx, ebx
.loop1:
    inc ebx
    mov [.imm + 1], bl             ; patch the immediate of the next instruction
.imm:
    mov al, 0
    movzx eax, al
    EXPECT eax, ebx, "patched immediate of the next instruction"
    cmp ebx, 5
    jb .loop1

    PRINT "smc: other page", 10
    mov ebx, 0x1000
.loop2:
    add ebx, 0x1111
    mov [far_fn + 1], ebx          ; far_fn: mov eax, imm32 / ret
    call far_fn
    EXPECT eax, ebx, "patched function in another page"
    cmp ebx, 0x6000
    jb .loop2

    PRINT "smc: rewritten buffer", 10
    xor ebx, ebx
.loop3:
    inc ebx
    mov byte [code_buf], 0xb8      ; mov eax, imm32
    mov [code_buf + 1], ebx
    mov byte [code_buf + 5], 0xc3  ; ret
    call code_buf
    EXPECT eax, ebx, "rewritten buffer"
    ; a different instruction at the same place: lea eax, [ebx + ebx]; ret
    mov dword [code_buf], 0xc31b048d
    call code_buf
    lea ecx, [ebx + ebx]
    EXPECT eax, ecx, "different instruction in the buffer"
    cmp ebx, 4
    jb .loop3

    mov eax, long_part
    jmp enter_long
bits 64
long_part:
    PRINT "smc: through an alias mapping", 10
    ; VA 0x4000_0000 + x maps physical x (2 MiB page), so a store there changes the code
    ; at the identity address x.
    mov rax, pd_alias + PTE_P + PTE_RW
    mov [pdpt + 8], rax
    mov qword [pd_alias], PTE_P + PTE_RW + PTE_PS
    mov ebx, 7
.loop4:
    inc ebx
    call far_fn64                  ; translate it first
    mov [0x40000000 + far_fn64 + 1], ebx
    call far_fn64
    EXPECT rax, rbx, "code written through an alias"
    cmp ebx, 12
    jb .loop4
    PASS
bits 32

align 4096
    times 16 db 0x90
far_fn:
    mov eax, 0
    ret
bits 64
far_fn64:
    mov eax, 0
    ret
bits 32
align 4096
code_buf: times 64 db 0xc3

section .bss
alignb 4096
pd_alias: resb 4096
section .text
%include "lib/end.inc"
