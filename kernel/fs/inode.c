// SPDX-License-Identifier: MIT
/*
 * The inode tree: creation, references, linking into a directory and
 * removal of whole subtrees (Linux: fs/inode.c and fs/dcache.c, which keep
 * inodes and names apart; fs/kernfs/dir.c for the removal of subtrees).
 */
#define pr_fmt(fmt) "vfs: " fmt

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include "internal.h"

/*
 * One lock for the whole tree: i_children/i_sibling, i_state and i_count
 * of every inode. Held only for list and counter updates, never across a
 * filesystem callback or an allocation; a uniprocessor kernel needs no
 * finer lock.
 */
static DEFINE_SPINLOCK(tree_lock);
static unsigned long last_ino;

struct inode *new_inode(struct super_block *sb, struct inode *parent, const char *name, umode_t mode)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	unsigned long flags;

	if (!inode)
		return NULL;
	inode->i_name = kstrdup(name, GFP_KERNEL);
	if (!inode->i_name) {
		kfree(inode);
		return NULL;
	}
	INIT_LIST_HEAD(&inode->i_children);
	INIT_LIST_HEAD(&inode->i_sibling);
	inode->i_sb = sb;
	inode->i_mode = mode;
	inode->i_count = 1;
	inode->i_parent = parent ? iget(parent) : NULL;
	spin_lock_irqsave(&tree_lock, flags);
	inode->i_ino = ++last_ino;
	spin_unlock_irqrestore(&tree_lock, flags);
	return inode;
}

static struct inode *find_child_locked(struct inode *dir, const char *name, size_t len)
{
	struct inode *child;

	list_for_each_entry(child, &dir->i_children, i_sibling)
		if (!strncmp(child->i_name, name, len) && !child->i_name[len])
			return child;
	return NULL;
}

int inode_link(struct inode *inode)
{
	struct inode *dir = inode->i_parent;
	unsigned long flags;
	int err = 0;

	spin_lock_irqsave(&tree_lock, flags);
	if (dir->i_state & I_REMOVED)
		err = -ENOENT;
	else if (find_child_locked(dir, inode->i_name, strlen(inode->i_name)))
		err = -EEXIST;
	if (!err) {
		list_add_tail(&inode->i_sibling, &dir->i_children);
		inode->i_state |= I_LINKED;
		inode->i_count++;	/* the parent's list holds this one */
	}
	spin_unlock_irqrestore(&tree_lock, flags);
	return err;
}

struct inode *iget(struct inode *inode)
{
	unsigned long flags;

	spin_lock_irqsave(&tree_lock, flags);
	WARN_ON_ONCE(inode->i_count <= 0);
	inode->i_count++;
	spin_unlock_irqrestore(&tree_lock, flags);
	return inode;
}

/* The last reference went: free inode, then drop its hold on the parent (a loop, not recursion). */
void iput(struct inode *inode)
{
	unsigned long flags;

	while (inode) {
		struct inode *parent;
		bool last;

		spin_lock_irqsave(&tree_lock, flags);
		WARN_ON_ONCE(inode->i_count <= 0);
		last = --inode->i_count == 0;
		spin_unlock_irqrestore(&tree_lock, flags);
		if (!last)
			return;
		WARN_ON_ONCE(inode->i_state & I_LINKED);
		if (inode->i_sb->s_op && inode->i_sb->s_op->evict_inode)
			inode->i_sb->s_op->evict_inode(inode);
		parent = inode->i_parent;
		kfree(inode->i_name);
		kfree(inode);
		inode = parent;
	}
}

/*
 * Mark the subtree removed and unlink it, leaves first, collecting the
 * list references on dropped; the caller puts them after unlocking.
 */
static void remove_locked(struct inode *top, struct list_head *dropped)
{
	struct inode *node = top;

	for (;;) {
		while (!list_empty(&node->i_children))
			node = list_first_entry(&node->i_children, struct inode, i_sibling);
		node->i_state |= I_REMOVED;
		if (node->i_state & I_LINKED) {
			list_del(&node->i_sibling);
			node->i_state &= ~I_LINKED;
			list_add_tail(&node->i_sibling, dropped);
		}
		if (node == top)
			return;
		node = node->i_parent;
	}
}

/* Tell each removed inode's filesystem, then drop the list references. */
static void put_dropped(struct list_head *dropped)
{
	struct inode *node, *next;

	list_for_each_entry_safe(node, next, dropped, i_sibling) {
		list_del_init(&node->i_sibling);
		if (node->i_sb->s_op && node->i_sb->s_op->remove_inode)
			node->i_sb->s_op->remove_inode(node);
		iput(node);
	}
}

void inode_remove(struct inode *inode)
{
	LIST_HEAD(dropped);
	unsigned long flags;

	spin_lock_irqsave(&tree_lock, flags);
	remove_locked(inode, &dropped);
	spin_unlock_irqrestore(&tree_lock, flags);
	put_dropped(&dropped);
}

int inode_remove_empty(struct inode *inode)
{
	LIST_HEAD(dropped);
	unsigned long flags;
	int err = -ENOTEMPTY;

	spin_lock_irqsave(&tree_lock, flags);
	if (list_empty(&inode->i_children)) {
		remove_locked(inode, &dropped);
		err = 0;
	}
	spin_unlock_irqrestore(&tree_lock, flags);
	put_dropped(&dropped);
	return err;
}

struct inode *inode_find_child(struct inode *dir, const char *name, size_t len)
{
	struct inode *child;
	unsigned long flags;

	spin_lock_irqsave(&tree_lock, flags);
	child = find_child_locked(dir, name, len);
	if (child)
		child->i_count++;
	spin_unlock_irqrestore(&tree_lock, flags);
	return child;
}

struct inode *inode_nth_child(struct inode *dir, loff_t n)
{
	struct inode *child, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&tree_lock, flags);
	list_for_each_entry(child, &dir->i_children, i_sibling) {
		if (n-- == 0) {
			found = child;
			found->i_count++;
			break;
		}
	}
	spin_unlock_irqrestore(&tree_lock, flags);
	return found;
}

bool inode_pin_if_live(struct inode *inode, bool (*pin)(struct inode *inode))
{
	unsigned long flags;
	bool pinned = false;

	spin_lock_irqsave(&tree_lock, flags);
	if (!(inode->i_state & I_REMOVED))
		pinned = pin(inode);
	spin_unlock_irqrestore(&tree_lock, flags);
	return pinned;
}

loff_t inode_nr_children(struct inode *dir)
{
	struct list_head *pos;
	unsigned long flags;
	loff_t n = 0;

	spin_lock_irqsave(&tree_lock, flags);
	list_for_each(pos, &dir->i_children)
		n++;
	spin_unlock_irqrestore(&tree_lock, flags);
	return n;
}

bool inode_removed(struct inode *inode)
{
	return READ_ONCE(inode->i_state) & I_REMOVED;
}

/* Linux's convention: a directory has 2 links plus one per subdirectory, a file 1. */
unsigned int inode_nlink(struct inode *inode)
{
	struct inode *child;
	unsigned long flags;
	unsigned int n = 2;

	if (!S_ISDIR(inode->i_mode))
		return 1;
	spin_lock_irqsave(&tree_lock, flags);
	list_for_each_entry(child, &inode->i_children, i_sibling)
		n += S_ISDIR(child->i_mode);
	spin_unlock_irqrestore(&tree_lock, flags);
	return n;
}

/* Names of inode and its ancestors, root last, are printed right to left. */
void inode_path(struct inode *inode, char *buf, size_t size)
{
	size_t end = size - 1, len;
	struct inode *node;

	if (size < 2) {
		if (size)
			buf[0] = 0;
		return;
	}
	buf[end] = 0;
	for (node = inode; node && node->i_parent; node = node->i_parent) {
		len = strlen(node->i_name);
		if (len + 1 > end)
			break;
		end -= len;
		memcpy(buf + end, node->i_name, len);
		buf[--end] = '/';
	}
	if (end == size - 1)
		buf[--end] = '/';
	memmove(buf, buf + end, size - end);
}
