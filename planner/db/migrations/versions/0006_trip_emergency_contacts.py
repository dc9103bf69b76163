"""Emergency contacts per trip: the embassy or consulate of the visitors' country where the trip goes.

A new table only; existing trips have none until the planner enters one (or takes a suggestion).

Revision ID: 0006_trip_emergency_contacts
Revises: 0003_protocol
Create Date: 2026-12-06 02:30:00.000000
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0006_trip_emergency_contacts'
down_revision = "0005_calendar_revisions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('emergency_contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('trip_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.JSON(), nullable=False),
    sa.Column('address', sa.JSON(), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('to_verify', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['trip_id'], ['trip.id'], name=op.f('fk_emergency_contact_trip_id_trip'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_emergency_contact'))
    )
    with op.batch_alter_table('emergency_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_emergency_contact_trip_id'), ['trip_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('emergency_contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_emergency_contact_trip_id'))
    op.drop_table('emergency_contact')
