/* Host oracle for CornerCaseTest.segmentRegisterFieldIgnoresRexR: 8C/8E with REX.R.
 * gcc -O1 -o sreg sreg-rex-r.c && ./sreg   (x86-64 Linux) */
#include <stdio.h>
#include <stdint.h>
#include <signal.h>
#include <setjmp.h>
static sigjmp_buf jb;
static void onsig(int s){ siglongjmp(jb, s); }
#define RD(name, bytes) static uint64_t name(void){ uint64_t r; __asm__ volatile("mov $-1, %%rax\n .byte " bytes "\n mov %%rax,%0" : "=r"(r) :: "rax"); return r; }
RD(ss_plain, "0x8c,0xd0")          /* mov eax, ss */
RD(ss_rexr, "0x44,0x8c,0xd0")      /* REX.R mov eax, ss(+8) */
RD(ss_rexwr, "0x4c,0x8c,0xd0")     /* REX.WR mov rax, ss(+8) */
RD(cs_rexr, "0x44,0x8c,0xc8")
RD(fs_rexr, "0x44,0x8c,0xe0")
RD(gs_rexr, "0x44,0x8c,0xe8")
RD(es_rexr, "0x44,0x8c,0xc0")
RD(ds_rexr, "0x44,0x8c,0xd8")
RD(r6_rexr, "0x44,0x8c,0xf0")
RD(r6, "0x8c,0xf0")
RD(r7_rexr, "0x44,0x8c,0xf8")
/* mov ds, ax with ax = current ds (0 on Linux), with REX.R; then mov ss,ax with REX.R using current ss */
static uint64_t wr_ds_rexr(void){ uint64_t r; __asm__ volatile("mov %%ds, %%eax\n .byte 0x44,0x8e,0xd8\n mov %%ds,%%eax\n mov %%rax,%0" : "=r"(r) :: "rax"); return r; }
static uint64_t wr_ss_rexr(void){ uint64_t r; __asm__ volatile("mov %%ss, %%eax\n .byte 0x44,0x8e,0xd0\n mov %%ss,%%eax\n mov %%rax,%0" : "=r"(r) :: "rax"); return r; }
static uint64_t wr_cs_rexr(void){ uint64_t r; __asm__ volatile("mov %%cs, %%eax\n .byte 0x44,0x8e,0xc8\n mov %%rax,%0" : "=r"(r) :: "rax"); return r; }
static uint64_t wr_es_rexr_bad(void){ uint64_t r; __asm__ volatile("mov %%ss, %%eax\n .byte 0x44,0x8e,0xc0\n mov %%es,%%eax\n mov %%rax,%0" : "=r"(r) :: "rax"); return r; } /* es = ss selector (0x2b): visible change */
static uint64_t wr_es_back(void){ uint64_t r; __asm__ volatile("xor %%eax,%%eax\n .byte 0x8e,0xc0\n mov %%es,%%eax\n mov %%rax,%0" : "=r"(r) :: "rax"); return r; }
int main(){
  struct { const char *n; uint64_t (*f)(void); } t[] = {
   {"8c d0", ss_plain},{"44 8c d0",ss_rexr},{"4c 8c d0",ss_rexwr},{"44 8c c8 (cs)",cs_rexr},{"44 8c e0 (fs)",fs_rexr},{"44 8c e8 (gs)",gs_rexr},
   {"44 8c c0 (es)",es_rexr},{"44 8c d8 (ds)",ds_rexr},{"44 8c f0 (6)",r6_rexr},{"8c f0 (6)",r6},{"44 8c f8 (7)",r7_rexr},
   {"44 8e d8 mov ds",wr_ds_rexr},{"44 8e d0 mov ss",wr_ss_rexr},{"44 8e c8 mov cs",wr_cs_rexr},{"44 8e c0 es<-ss",wr_es_rexr_bad},{"8e c0 es<-0",wr_es_back}};
  signal(SIGILL, onsig); signal(SIGSEGV, onsig);
  for (unsigned i=0;i<sizeof t/sizeof t[0];i++){
    int s = sigsetjmp(jb,1);
    if (s) printf("%-18s -> signal %d (%s)\n", t[i].n, s, s==SIGILL?"#UD":"#GP/#PF");
    else printf("%-18s -> %016llx\n", t[i].n, (unsigned long long)t[i].f());
  }
  unsigned short ss, cs, ds, es, fs, gs; __asm__("mov %%ss,%0":"=r"(ss)); __asm__("mov %%cs,%0":"=r"(cs)); __asm__("mov %%ds,%0":"=r"(ds)); __asm__("mov %%es,%0":"=r"(es)); __asm__("mov %%fs,%0":"=r"(fs)); __asm__("mov %%gs,%0":"=r"(gs));
  printf("selectors: cs=%x ss=%x ds=%x es=%x fs=%x gs=%x\n", cs, ss, ds, es, fs, gs);
}
