"""Accommodation: a trip's room blocks at its hotels, and each member's room for a run of nights.

New tables only; existing trips have no accommodation until the planner enters it.

Revision ID: 0007_accommodation
Revises: 0006_trip_emergency_contacts
Create Date: 2026-12-06 04:30:00.000000
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0007_accommodation'
down_revision = '0006_trip_emergency_contacts'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('room_block',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('trip_id', sa.Integer(), nullable=False),
    sa.Column('venue_id', sa.Integer(), nullable=False),
    sa.Column('room_type', sa.JSON(), nullable=False),
    sa.Column('rooms', sa.Integer(), nullable=False),
    sa.Column('sleeps', sa.Integer(), nullable=False),
    sa.Column('rate_cents', sa.Integer(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['trip_id'], ['trip.id'], name=op.f('fk_room_block_trip_id_trip'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_room_block_venue_id_venue'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_room_block'))
    )
    with op.batch_alter_table('room_block', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_room_block_trip_id'), ['trip_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_room_block_venue_id'), ['venue_id'], unique=False)
    op.create_table('room_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('membership_id', sa.Integer(), nullable=False),
    sa.Column('block_id', sa.Integer(), nullable=False),
    sa.Column('room_label', sa.String(length=40), nullable=False),
    sa.Column('first_night', sa.Date(), nullable=False),
    sa.Column('last_night', sa.Date(), nullable=False),
    sa.Column('sharing_with', sa.JSON(), nullable=False),
    sa.Column('requests', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['block_id'], ['room_block.id'], name=op.f('fk_room_assignment_block_id_room_block'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['membership_id'], ['membership.id'], name=op.f('fk_room_assignment_membership_id_membership'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_room_assignment'))
    )
    with op.batch_alter_table('room_assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_room_assignment_block_id'), ['block_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_room_assignment_membership_id'), ['membership_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('room_assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_room_assignment_membership_id'))
        batch_op.drop_index(batch_op.f('ix_room_assignment_block_id'))
    op.drop_table('room_assignment')
    with op.batch_alter_table('room_block', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_room_block_venue_id'))
        batch_op.drop_index(batch_op.f('ix_room_block_trip_id'))
    op.drop_table('room_block')
