#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include "CLinuxSupport.h"

int ledger_rename_noreplace(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}

#include <sys/vfs.h>

long long ledger_filesystem_type(const char *path) {
    struct statfs info;
    if (statfs(path, &info) != 0) return -1;
    return (long long)(unsigned int)info.f_type;
}
