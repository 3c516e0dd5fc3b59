#ifndef C_LINUX_SUPPORT_H
#define C_LINUX_SUPPORT_H

#include <sys/inotify.h>

/// Renames without ever replacing an existing file (renameat2 RENAME_NOREPLACE), which
/// Swift's Glibc module does not expose. Returns 0, or -1 with errno (EEXIST when taken).
int ledger_rename_noreplace(const char *from, const char *to);

/// The `f_type` magic number of the file system holding `path` (statfs), or -1.
long long ledger_filesystem_type(const char *path);

#endif
