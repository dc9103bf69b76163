"""A programme item's host can be a person: programme_item.host_person_id.

The mayor who receives a delegation is a person on the trip (role Host), not a
contact at a venue. The column is nullable and set to NULL when the person is
deleted or erased; existing items keep their venue contact and get no person.

Revision ID: 0004_item_host_person
Revises: 0003_protocol
Create Date: 2026-12-06 02:00:00.000000
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0004_item_host_person'
down_revision = '0003_protocol'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('programme_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('host_person_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_programme_item_host_person_id'), ['host_person_id'], unique=False)
        batch_op.create_foreign_key(
            batch_op.f('fk_programme_item_host_person_id_person'), 'person', ['host_person_id'], ['id'], ondelete='SET NULL'
        )


def downgrade() -> None:
    with op.batch_alter_table('programme_item', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_programme_item_host_person_id_person'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_programme_item_host_person_id'))
        batch_op.drop_column('host_person_id')
