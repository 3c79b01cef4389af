/* Host oracle for CornerCaseTest.ignoredOverrideAfterFsGsIn64BitMode and xlatReportsItsImplicitMemoryForm:
 * which segment a 64-bit access uses with FS/GS and ES/CS/SS/DS prefixes in both orders.
 * gcc -O1 -static -o seg seg-override.c && ./seg   (x86-64 Linux; FS is glibc TLS, GS is set here) */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdint.h>
#include <asm/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <signal.h>
#include <setjmp.h>
#include <string.h>
static unsigned char fsbuf[64], gsbuf[64], dsbuf[64];
static sigjmp_buf jb;
static void onsig(int s){ siglongjmp(jb, s); }
/* each: rbx = address offset; reads byte at seg:[rbx] into al */
#define READ(name, bytes) static uint8_t name(void *p){ uint64_t r; __asm__ volatile("mov %1, %%rbx\n xor %%eax,%%eax\n .byte " bytes "\n mov %%rax,%0" : "=r"(r) : "r"(p) : "rax","rbx","memory"); return (uint8_t)r; }
READ(r_plain, "0x8a,0x03")
READ(r_fs, "0x64,0x8a,0x03")
READ(r_fs_ds, "0x64,0x3e,0x8a,0x03")
READ(r_fs_es, "0x64,0x26,0x8a,0x03")
READ(r_fs_cs, "0x64,0x2e,0x8a,0x03")
READ(r_fs_ss, "0x64,0x36,0x8a,0x03")
READ(r_ds_fs, "0x3e,0x64,0x8a,0x03")
READ(r_gs_ds, "0x65,0x3e,0x8a,0x03")
READ(r_fs_gs, "0x64,0x65,0x8a,0x03")
READ(r_gs_fs, "0x65,0x64,0x8a,0x03")
READ(r_gs_fs_ds, "0x65,0x64,0x3e,0x8a,0x03")
READ(r_fs_ds_rex, "0x64,0x3e,0x40,0x8a,0x03")
/* XLAT: al = [rbx+al] */
#define XL(name, bytes) static uint8_t name(void *p){ uint64_t r; __asm__ volatile("mov %1, %%rbx\n mov $1,%%eax\n .byte " bytes "\n mov %%rax,%0" : "=r"(r) : "r"(p) : "rax","rbx","memory"); return (uint8_t)r; }
XL(x_plain, "0xd7")
XL(x_fs, "0x64,0xd7")
XL(x_gs, "0x65,0xd7")
XL(x_fs_ds, "0x64,0x3e,0xd7")
XL(x_gs_es, "0x65,0x26,0xd7")
int main(){
  memset(fsbuf,0xF5,64); memset(gsbuf,0x65,64); memset(dsbuf,0xD5,64);
  fsbuf[0]=0xF0; gsbuf[0]=0x60; dsbuf[0]=0xD0;
  /* FS base = fsbuf - dsbuf offset trick: use offset 0 with bases */
  unsigned long fsbase; syscall(SYS_arch_prctl, ARCH_GET_FS, &fsbase);
  if (syscall(SYS_arch_prctl, ARCH_SET_GS, (unsigned long)gsbuf) ) { perror("gs"); }
  void *off0 = (void*)0; void *offfs = (void*)((unsigned long)fsbuf - fsbase); /* fs:[0] -> fsbuf[0]; ds:[0] would fault */
  struct { const char *n; uint8_t (*f)(void*); } t[] = {
   {"8a 03 (ds)", r_plain},{"64 8a 03",r_fs},{"64 3e 8a 03",r_fs_ds},{"64 26 8a 03",r_fs_es},{"64 2e 8a 03",r_fs_cs},{"64 36 8a 03",r_fs_ss},
   {"3e 64 8a 03",r_ds_fs},{"65 3e 8a 03",r_gs_ds},{"64 65 8a 03",r_fs_gs},{"65 64 8a 03",r_gs_fs},{"65 64 3e 8a 03",r_gs_fs_ds},{"64 3e 40 8a 03",r_fs_ds_rex},
   {"d7",x_plain},{"64 d7",x_fs},{"65 d7",x_gs},{"64 3e d7",x_fs_ds},{"65 26 d7",x_gs_es}};
  signal(SIGSEGV, onsig);
  for (unsigned i=0;i<sizeof t/sizeof t[0];i++){
    /* glibc uses fs for TLS: printf after changing fs would crash -> record then restore? use write only */
    int s = sigsetjmp(jb,1);
    char line[128]; int n;
    if (s) n = snprintf(line,sizeof line,"%-18s -> SIGSEGV (offset 0 via DS)\n", t[i].n);
    else { const char *p64 = strstr(t[i].n,"64"), *p65 = strstr(t[i].n,"65"); int usesfs = p64 && (!p65 || p64 > p65); uint8_t v = t[i].f(usesfs? offfs: off0); n = snprintf(line,sizeof line,"%-18s -> %02x (%s)\n", t[i].n, v, v==0xF0?"FS":v==0x60?"GS":v==0xF5?"FS+1":v==0x65?"GS+1":"?"); }
    write(1,line,n);
  }
  return 0;
}
