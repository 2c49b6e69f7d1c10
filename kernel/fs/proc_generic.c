// SPDX-License-Identifier: MIT
/*
 * procfs entries: creation and removal of /proc files and directories for
 * the kernel and modules, and the file operations that run their show
 * callbacks or proc_ops (Linux: fs/proc/generic.c, fs/proc/inode.c).
 */
#define pr_fmt(fmt) "proc: " fmt

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/slab.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <linux/completion.h>
#include <linux/wait.h>
#include "internal.h"

static struct inode *proc_root;

/* An entry's file or directory; i_private of its inode, freed with it. */
struct proc_dir_entry {
	struct inode *inode;		/* not counted: valid until the entry is removed */
	const struct proc_ops *proc_ops;
	int (*single_show)(struct seq_file *m, void *v);
	const struct seq_operations *seq_ops;
	void *data;
	int in_use;			/* callers inside one of its operations */
	bool removing;
	struct list_head openers;	/* struct pde_opener: its open files */
};

/* An open file of an entry, released by close() or by the entry's removal, whichever comes first. */
struct pde_opener {
	struct list_head list;
	struct file *file;
	bool closing;
	struct completion *closed;	/* set by a second closer waiting for the first */
};

/* Guards in_use, removing and the openers lists. */
static DEFINE_SPINLOCK(pde_lock);
static DECLARE_WAIT_QUEUE_HEAD(pde_unused);

static const struct file_operations proc_reg_file_operations;

static struct proc_dir_entry *PDE(const struct inode *inode)
{
	return inode->i_private;
}

void *pde_data(const struct inode *inode)
{
	return PDE(inode)->data;
}

/* Enter an operation of pde; false once it is being removed. [Linux: use_pde()] */
static bool use_pde(struct proc_dir_entry *pde)
{
	unsigned long flags;
	bool ok;

	spin_lock_irqsave(&pde_lock, flags);
	ok = !pde->removing;
	pde->in_use += ok;
	spin_unlock_irqrestore(&pde_lock, flags);
	return ok;
}

static void unuse_pde(struct proc_dir_entry *pde)
{
	unsigned long flags;
	bool wake;

	spin_lock_irqsave(&pde_lock, flags);
	wake = --pde->in_use == 0 && pde->removing;
	spin_unlock_irqrestore(&pde_lock, flags);
	if (wake)
		wake_up_all(&pde_unused);
}

static int pde_release(struct proc_dir_entry *pde, struct inode *inode, struct file *file)
{
	if (pde->single_show)
		return single_release(inode, file);
	if (pde->seq_ops)
		return seq_release(inode, file);
	if (pde->proc_ops->proc_release)
		return pde->proc_ops->proc_release(inode, file);
	return 0;
}

/*
 * Release op's file, or wait for whoever already is. Called with pde_lock
 * held; returns with it dropped. [Linux: close_pdeo()]
 */
static void close_opener(struct proc_dir_entry *pde, struct pde_opener *op, unsigned long flags)
{
	struct completion closed;

	if (op->closing) {
		init_completion(&closed);
		op->closed = &closed;
		spin_unlock_irqrestore(&pde_lock, flags);
		wait_for_completion(&closed);
		return;
	}
	op->closing = true;
	spin_unlock_irqrestore(&pde_lock, flags);
	pde_release(pde, file_inode(op->file), op->file);
	spin_lock_irqsave(&pde_lock, flags);
	list_del(&op->list);
	spin_unlock_irqrestore(&pde_lock, flags);
	if (op->closed)
		complete(op->closed);
	kfree(op);
}

/*
 * The entry left the tree: refuse new operations, wait for running ones,
 * and release the files still open, so that once remove_proc_entry()
 * returns nothing calls into the entry's owner (a module may go).
 * [Linux: proc_entry_rundown()]
 */
static void proc_remove_inode(struct inode *inode)
{
	struct proc_dir_entry *pde = PDE(inode);
	unsigned long flags;

	if (inode->i_fop != &proc_reg_file_operations)
		return;
	spin_lock_irqsave(&pde_lock, flags);
	pde->removing = true;
	spin_unlock_irqrestore(&pde_lock, flags);
	wait_event(pde_unused, READ_ONCE(pde->in_use) == 0);
	spin_lock_irqsave(&pde_lock, flags);
	while (!list_empty(&pde->openers)) {
		close_opener(pde, list_first_entry(&pde->openers, struct pde_opener, list), flags);
		spin_lock_irqsave(&pde_lock, flags);
	}
	spin_unlock_irqrestore(&pde_lock, flags);
}

/* Only entries made by proc_register() own their i_private; /proc/<pid> inodes hold a pid there. */
static void proc_evict(struct inode *inode)
{
	if (inode->i_fop == &proc_reg_file_operations || inode->i_fop == &simple_dir_operations)
		kfree(inode->i_private);
}

static const struct super_operations proc_super_ops = {
	.remove_inode = proc_remove_inode,
	.evict_inode = proc_evict,
};
struct super_block proc_sb = { .s_type = "proc", .s_op = &proc_super_ops };

static int pde_open(struct proc_dir_entry *pde, struct inode *inode, struct file *file)
{
	int err;

	if (pde->single_show)
		return single_open(file, pde->single_show, pde->data);
	if (pde->seq_ops) {
		err = seq_open(file, pde->seq_ops);
		if (!err)
			((struct seq_file *)file->private_data)->private = pde->data;
		return err;
	}
	return pde->proc_ops->proc_open ? pde->proc_ops->proc_open(inode, file) : 0;
}

static int proc_reg_open(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *pde = PDE(inode);
	struct pde_opener *op = kzalloc(sizeof(*op), GFP_KERNEL);
	unsigned long flags;
	int err = -ENOENT;

	if (!op)
		return -ENOMEM;
	if (!use_pde(pde))
		goto out_free;
	err = pde_open(pde, inode, file);
	if (!err) {
		op->file = file;
		spin_lock_irqsave(&pde_lock, flags);
		list_add(&op->list, &pde->openers);
		spin_unlock_irqrestore(&pde_lock, flags);
	}
	unuse_pde(pde);
	if (!err)
		return 0;
out_free:
	kfree(op);
	return err;
}

static ssize_t proc_reg_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct proc_dir_entry *pde = PDE(file_inode(file));
	ssize_t ret = -EIO;

	if (!use_pde(pde))
		return -EIO;
	if (!pde->proc_ops)
		ret = seq_read(file, buf, count, pos);
	else if (pde->proc_ops->proc_read)
		ret = pde->proc_ops->proc_read(file, buf, count, pos);
	unuse_pde(pde);
	return ret;
}

static ssize_t proc_reg_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	struct proc_dir_entry *pde = PDE(file_inode(file));
	ssize_t ret = -EIO;

	if (!use_pde(pde))
		return -EIO;
	if (pde->proc_ops && pde->proc_ops->proc_write)
		ret = pde->proc_ops->proc_write(file, buf, count, pos);
	unuse_pde(pde);
	return ret;
}

static loff_t proc_reg_llseek(struct file *file, loff_t offset, int whence)
{
	struct proc_dir_entry *pde = PDE(file_inode(file));
	loff_t ret;

	if (!use_pde(pde))
		return -EIO;
	if (!pde->proc_ops)
		ret = seq_lseek(file, offset, whence);
	else if (pde->proc_ops->proc_lseek)
		ret = pde->proc_ops->proc_lseek(file, offset, whence);
	else
		ret = generic_file_llseek(file, offset, whence);
	unuse_pde(pde);
	return ret;
}

/* Close: release the file unless the entry's removal already did. */
static int proc_reg_release(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *pde = PDE(inode);
	struct pde_opener *op;
	unsigned long flags;

	spin_lock_irqsave(&pde_lock, flags);
	list_for_each_entry(op, &pde->openers, list) {
		if (op->file == file) {
			close_opener(pde, op, flags);
			return 0;
		}
	}
	spin_unlock_irqrestore(&pde_lock, flags);
	return 0;
}

static const struct file_operations proc_reg_file_operations = {
	.open = proc_reg_open,
	.read = proc_reg_read,
	.write = proc_reg_write,
	.llseek = proc_reg_llseek,
	.release = proc_reg_release,
};

static bool valid_name(const char *name)
{
	size_t len = name ? strnlen(name, NAME_MAX + 1) : 0;

	return len && len <= NAME_MAX && !strchr(name, '/') && !name_is_dot(name);
}

/* Make and link an entry; pde fields are filled from tmpl. */
static struct proc_dir_entry *proc_register(struct proc_dir_entry *parent, const char *name,
					    umode_t mode, const struct proc_dir_entry *tmpl)
{
	struct inode *dir = parent ? parent->inode : proc_root;
	struct proc_dir_entry *pde;
	struct inode *inode;
	char path[128];
	int err;

	if (!dir || !valid_name(name)) {
		pr_err("bad entry name '%s'\n", name ? name : "(null)");
		return NULL;
	}
	pde = kmemdup(tmpl, sizeof(*pde), GFP_KERNEL);
	inode = pde ? new_inode(&proc_sb, dir, name, mode) : NULL;
	if (!inode) {
		kfree(pde);
		return NULL;
	}
	pde->inode = inode;
	INIT_LIST_HEAD(&pde->openers);
	inode->i_private = pde;
	inode->i_fop = S_ISDIR(mode) ? &simple_dir_operations : &proc_reg_file_operations;
	err = inode_link(inode);
	if (err) {
		inode_path(dir, path, sizeof(path));
		if (err == -EEXIST)
			pr_warn("proc_dir_entry '%s/%s' already registered\n", path, name);
		iput(inode);
		return NULL;
	}
	iput(inode);		/* the parent's list keeps it */
	return pde;
}

struct proc_dir_entry *proc_mkdir_mode(const char *name, umode_t mode, struct proc_dir_entry *parent)
{
	static const struct proc_dir_entry tmpl;

	mode &= S_IALLUGO;
	return proc_register(parent, name, S_IFDIR | (mode ? mode : S_IRUGO | S_IXUGO), &tmpl);
}

struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent)
{
	return proc_mkdir_mode(name, 0, parent);
}

static umode_t file_mode(umode_t mode)
{
	mode &= S_IALLUGO;
	return S_IFREG | (mode ? mode : S_IRUGO);
}

struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode,
					       struct proc_dir_entry *parent,
					       int (*show)(struct seq_file *m, void *v), void *data)
{
	struct proc_dir_entry tmpl = { .single_show = show, .data = data };

	return show ? proc_register(parent, name, file_mode(mode), &tmpl) : NULL;
}

struct proc_dir_entry *proc_create_seq_data(const char *name, umode_t mode,
					    struct proc_dir_entry *parent,
					    const struct seq_operations *ops, void *data)
{
	struct proc_dir_entry tmpl = { .seq_ops = ops, .data = data };

	return ops ? proc_register(parent, name, file_mode(mode), &tmpl) : NULL;
}

struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops, void *data)
{
	struct proc_dir_entry tmpl = { .proc_ops = proc_ops, .data = data };

	return proc_ops ? proc_register(parent, name, file_mode(mode), &tmpl) : NULL;
}

static struct inode *find_entry(const char *name, struct proc_dir_entry *parent)
{
	struct inode *dir = parent ? parent->inode : proc_root;

	return name && dir ? inode_find_child(dir, name, strlen(name)) : NULL;
}

void remove_proc_entry(const char *name, struct proc_dir_entry *parent)
{
	struct inode *inode = find_entry(name, parent);

	if (!inode) {
		WARN(1, "proc: remove_proc_entry: no entry '%s'\n", name ? name : "(null)");
		return;
	}
	/* Linux: warns "removing non-empty directory" and leaks the children; here they go too. */
	if (!list_empty(&inode->i_children))
		pr_warn("removing non-empty directory '%s' and its entries\n", name);
	inode_remove(inode);
	iput(inode);
}

int remove_proc_subtree(const char *name, struct proc_dir_entry *parent)
{
	struct inode *inode = find_entry(name, parent);

	if (!inode)
		return -ENOENT;
	inode_remove(inode);
	iput(inode);
	return 0;
}

void proc_remove(struct proc_dir_entry *entry)
{
	if (entry)
		inode_remove(entry->inode);
}

/* /proc: its static entries, then one directory per task (proc_base.c). */
int proc_root_init(void)
{
	proc_root = new_inode(&proc_sb, vfs_root, "proc", S_IFDIR | 0555);
	if (!proc_root)
		return -ENOMEM;
	proc_root->i_op = &proc_root_inode_operations;
	proc_root->i_fop = &proc_root_operations;
	return inode_link(proc_root);	/* our reference stays: proc_root never goes */
}
