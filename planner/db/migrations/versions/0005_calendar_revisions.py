"""Calendar revisions: when a programme item was last saved, and a deleted item's last version on its key.

Calendar files raise an event's SEQUENCE with every saved change of its item
and set LAST-MODIFIED; a deleted item is published as cancelled with a
SEQUENCE above the last one it had. Items and deleted keys already in the file
get NULL: their time of change is not known (no LAST-MODIFIED is written until
the next change).

Revision ID: 0005_calendar_revisions
Revises: 0003_protocol
Create Date: 2026-12-06 02:00:00.000000
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0005_calendar_revisions'
down_revision = "0004_item_host_person"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('programme_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('modified_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('issued_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('final_version', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('issued_item', schema=None) as batch_op:
        batch_op.drop_column('deleted_at')
        batch_op.drop_column('final_version')
    with op.batch_alter_table('programme_item', schema=None) as batch_op:
        batch_op.drop_column('modified_at')
