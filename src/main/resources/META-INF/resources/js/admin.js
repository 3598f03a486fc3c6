// User management for the administrator: create, list, reset a password, delete with confirmation.
//
// Test hooks: rows are #admin-user-rows tr[data-testid=user-row][data-username][data-user-id], with buttons
// [data-testid=user-reset-password] and [data-testid=user-delete].

import { api } from './api.js';
import { $, announce, clearChildren, confirmDialog, el, fmtDateTime } from './dom.js';

export class Admin {
  constructor() {
    this.users = [];
    $('admin-create-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.create();
    });
    $('password-dialog-cancel').addEventListener('click', () => $('password-dialog').close('cancel'));
  }

  start() {
    return this.load();
  }

  stop() {
    this.users = [];
    clearChildren($('admin-user-rows'));
    $('admin-status').textContent = '';
    $('admin-new-username').value = '';
    $('admin-new-password').value = '';
  }

  async load() {
    try {
      this.users = await api.get('/v1/admin/users');
      this.render();
    } catch (error) {
      if (error.status !== 401) {
        $('admin-status').textContent = `The accounts could not be loaded: ${error.message}`;
      }
    }
  }

  render() {
    const tbody = $('admin-user-rows');
    clearChildren(tbody);
    const users = [...this.users].sort((a, b) => a.username.localeCompare(b.username));
    for (const user of users) {
      const actions = el('td', { className: 'row-actions' });
      const reset = el('button', {
        type: 'button',
        className: 'button secondary small',
        text: 'Reset password',
        ariaLabel: `Reset the password of ${user.username}`,
        dataset: { testid: 'user-reset-password' },
      });
      reset.addEventListener('click', () => this.resetPassword(user));
      actions.append(reset);
      if (user.role !== 'admin') {
        const remove = el('button', {
          type: 'button',
          className: 'button danger small',
          text: 'Delete',
          ariaLabel: `Delete the account ${user.username}`,
          dataset: { testid: 'user-delete' },
        });
        remove.addEventListener('click', () => this.remove(user));
        actions.append(remove);
      }
      tbody.append(el('tr', { dataset: { testid: 'user-row', username: user.username, userId: user.id } },
        el('td', { text: user.username }),
        el('td', { text: user.role }),
        el('td', { className: 'col-optional', text: fmtDateTime(user.created_at) }),
        actions));
    }
  }

  async create() {
    const status = $('admin-status');
    const username = $('admin-new-username').value.trim();
    const password = $('admin-new-password').value;
    if (!/^[A-Za-z0-9._-]{3,64}$/.test(username)) {
      status.textContent = 'Usernames are 3–64 characters of A–Z, a–z, 0–9, ".", "_" or "-".';
      $('admin-new-username').focus();
      return;
    }
    const bytes = new TextEncoder().encode(password).length;
    if (bytes < 8 || bytes > 72) {
      status.textContent = 'Passwords are 8 to 72 bytes long.';
      $('admin-new-password').focus();
      return;
    }
    $('admin-create-submit').disabled = true;
    try {
      const user = await api.post('/v1/admin/users', { json: { username, password } });
      status.textContent = `Created the account ${user.username}.`;
      $('admin-new-username').value = '';
      $('admin-new-password').value = '';
      await this.load();
    } catch (error) {
      if (error.status !== 401) {
        status.textContent = `Not created: ${error.message}`;
      }
    } finally {
      $('admin-create-submit').disabled = false;
    }
  }

  async remove(user) {
    const confirmed = await confirmDialog({
      title: `Delete ${user.username}?`,
      message: `The account ${user.username} will be deleted with all its ECGs, heart-rate readings and API tokens. This cannot be undone.`,
      confirmLabel: 'Delete account',
    });
    if (!confirmed) {
      return;
    }
    try {
      await api.delete(`/v1/admin/users/${encodeURIComponent(user.id)}`);
      $('admin-status').textContent = `Deleted the account ${user.username}.`;
      await this.load();
    } catch (error) {
      if (error.status !== 401) {
        $('admin-status').textContent = `Not deleted: ${error.message}`;
      }
    }
  }

  resetPassword(user) {
    const dialog = $('password-dialog');
    const form = $('password-dialog-form');
    const input = $('password-dialog-input');
    const error = $('password-dialog-error');
    $('password-dialog-title').textContent = `New password for ${user.username}`;
    $('password-dialog-username').value = user.username;
    input.value = '';
    error.textContent = '';
    const opener = document.activeElement;
    const submit = async (event) => {
      event.preventDefault();
      const password = input.value;
      const bytes = new TextEncoder().encode(password).length;
      if (bytes < 8 || bytes > 72) {
        error.textContent = 'Passwords are 8 to 72 bytes long.';
        input.focus();
        return;
      }
      try {
        await api.put(`/v1/admin/users/${encodeURIComponent(user.id)}/password`, { json: { password } });
        dialog.close('ok');
        announce(`The password of ${user.username} was changed; their API tokens are revoked.`);
        $('admin-status').textContent = `Changed the password of ${user.username}.`;
      } catch (failure) {
        if (failure.status !== 401) {
          error.textContent = failure.message;
        } else {
          dialog.close('cancel');
        }
      }
    };
    const onClose = () => {
      form.removeEventListener('submit', submit);
      dialog.removeEventListener('close', onClose);
      input.value = '';
      if (opener && opener.isConnected) {
        opener.focus();
      }
    };
    form.addEventListener('submit', submit);
    dialog.addEventListener('close', onClose);
    dialog.showModal();
    input.focus();
  }
}
