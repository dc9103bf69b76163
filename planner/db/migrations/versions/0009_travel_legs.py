"""Travel legs: a member's own flights and trains, with who meets them on arrival and in which vehicle.

A new table only; existing trips have none until the planner enters them.

Revision ID: 0009_travel_legs
Revises: 0006_trip_emergency_contacts
Create Date: 2026-12-06 04:40:00.000000
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0009_travel_legs'
down_revision = "0008_vehicles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('travel_leg',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('membership_id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('origin', sa.String(length=200), nullable=False),
    sa.Column('destination', sa.String(length=200), nullable=False),
    sa.Column('departure_utc', sa.DateTime(), nullable=True),
    sa.Column('departure_timezone', sa.String(length=64), nullable=False),
    sa.Column('arrival_utc', sa.DateTime(), nullable=True),
    sa.Column('arrival_timezone', sa.String(length=64), nullable=False),
    sa.Column('terminal', sa.String(length=60), nullable=False),
    sa.Column('booking_reference', sa.String(length=60), nullable=False),
    sa.Column('met_by_person_id', sa.Integer(), nullable=True),
    sa.Column('vehicle_id', sa.Integer(), nullable=True),
    sa.Column('vehicle_note', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['membership_id'], ['membership.id'], name=op.f('fk_travel_leg_membership_id_membership'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['met_by_person_id'], ['person.id'], name=op.f('fk_travel_leg_met_by_person_id_person'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_travel_leg_vehicle_id_vehicle'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_travel_leg'))
    )
    with op.batch_alter_table('travel_leg', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_travel_leg_membership_id'), ['membership_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_travel_leg_met_by_person_id'), ['met_by_person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_travel_leg_vehicle_id'), ['vehicle_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('travel_leg', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_travel_leg_vehicle_id'))
        batch_op.drop_index(batch_op.f('ix_travel_leg_met_by_person_id'))
        batch_op.drop_index(batch_op.f('ix_travel_leg_membership_id'))
    op.drop_table('travel_leg')
