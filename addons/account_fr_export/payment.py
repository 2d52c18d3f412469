# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Payments reach the books when they succeed: Tryton's clearing move
(account_payment_clearing: the bank, cheques or cash account against the
client's receivable) is posted at once, then matched with the client's
invoices (see `reconcile_groups`)."""
from decimal import Decimal

from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access


def reconcile_groups(lines):
    """Which open receivable lines settle each other: `lines` is a list of
    (key, amount) in date order, amount > 0 for what the client owes
    (invoices, refunds paid out) and < 0 for what settles it (payments,
    credit notes). Every line together when they balance; else, for each
    debt in turn, the first settling lines (oldest first) adding up to it
    exactly. Returns a list of lists of keys, each balanced."""
    if not lines:
        return []
    if sum(a for _, a in lines) == 0:
        return [[k for k, _ in lines]]
    groups, used = [], set()
    for sign in (1, -1):
        debts = [(k, a) for k, a in lines if a * sign > 0]
        settles = [(k, -a) for k, a in lines if a * sign < 0]
        for key, amount in debts:
            if key in used:
                continue
            amount = amount * sign
            total, chosen = Decimal(0), []
            for other, value in settles:
                value = value * sign
                if other in used or total + value > amount:
                    continue
                chosen.append(other)
                total += value
                if total == amount:
                    break
            if chosen and total == amount:
                used.update(chosen)
                used.add(key)
                groups.append([key] + chosen)
    return groups


class Payment(metaclass=PoolMeta):
    __name__ = 'account.payment'

    @classmethod
    def succeed(cls, payments):
        """Post the clearing moves of the payments, then settle the
        invoices they pay."""
        pool = Pool()
        Move = pool.get('account.move')
        super().succeed(payments)
        moves = [p.clearing_move for p in payments
            if p.clearing_move and p.clearing_move.state == 'draft']
        if moves:
            with without_check_access():
                Move.post(moves)
        cls.reconcile_invoices(payments)

    @classmethod
    def reconcile_invoices(cls, payments):
        "Match the payments with the invoices they settle (see addons)."


def reconcile_lines(lines):
    """Reconcile the open receivable move lines `lines` (date order) that
    settle each other (`reconcile_groups`); the invoices they belong to
    become paid."""
    pool = Pool()
    Line = pool.get('account.move.line')
    Invoice = pool.get('account.invoice')
    lines = [l for l in lines if not l.reconciliation]
    by_id = {l.id: l for l in lines}
    groups = reconcile_groups([(l.id, l.debit - l.credit) for l in lines])
    if groups:
        with without_check_access(), Transaction().set_context(
                _skip_warnings=True):
            Line.reconcile(*[[by_id[i] for i in group] for group in groups])
            # Tryton marks them paid from the task queue; at once here, so
            # the client and the workshop see it on the next page.
            invoices = {by_id[i].move.origin for group in groups
                for i in group
                if isinstance(by_id[i].move.origin, Invoice)}
            Invoice.process(Invoice.browse([i.id for i in invoices]))
    return groups
