"""Vehicles per trip, who rides in which on each programme item, and the motorcade order.

New tables only; existing trips have no vehicles until the planner enters them.

Revision ID: 0008_vehicles
Revises: 0006_trip_emergency_contacts
Create Date: 2026-12-06 04:18:58.416703
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0008_vehicles'
down_revision = '0007_accommodation'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('vehicle',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('trip_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('seats', sa.Integer(), nullable=False),
    sa.Column('plate', sa.String(length=20), nullable=False),
    sa.Column('operator', sa.String(length=200), nullable=False),
    sa.Column('driver_name', sa.String(length=200), nullable=False),
    sa.Column('driver_phone', sa.String(length=40), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['trip_id'], ['trip.id'], name=op.f('fk_vehicle_trip_id_trip'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vehicle'))
    )
    with op.batch_alter_table('vehicle', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vehicle_trip_id'), ['trip_id'], unique=False)

    op.create_table('motorcade_place',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('vehicle_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['programme_item.id'], name=op.f('fk_motorcade_place_item_id_programme_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_motorcade_place_vehicle_id_vehicle'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_motorcade_place')),
    sa.UniqueConstraint('item_id', 'vehicle_id', name=op.f('uq_motorcade_place_item_id'))
    )
    with op.batch_alter_table('motorcade_place', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_motorcade_place_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_motorcade_place_vehicle_id'), ['vehicle_id'], unique=False)

    op.create_table('vehicle_ride',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('membership_id', sa.Integer(), nullable=False),
    sa.Column('vehicle_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['programme_item.id'], name=op.f('fk_vehicle_ride_item_id_programme_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['membership_id'], ['membership.id'], name=op.f('fk_vehicle_ride_membership_id_membership'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_vehicle_ride_vehicle_id_vehicle'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vehicle_ride')),
    sa.UniqueConstraint('item_id', 'membership_id', name=op.f('uq_vehicle_ride_item_id'))
    )
    with op.batch_alter_table('vehicle_ride', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vehicle_ride_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vehicle_ride_membership_id'), ['membership_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vehicle_ride_vehicle_id'), ['vehicle_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('vehicle_ride', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vehicle_ride_vehicle_id'))
        batch_op.drop_index(batch_op.f('ix_vehicle_ride_membership_id'))
        batch_op.drop_index(batch_op.f('ix_vehicle_ride_item_id'))

    op.drop_table('vehicle_ride')
    with op.batch_alter_table('motorcade_place', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_motorcade_place_vehicle_id'))
        batch_op.drop_index(batch_op.f('ix_motorcade_place_item_id'))

    op.drop_table('motorcade_place')
    with op.batch_alter_table('vehicle', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vehicle_trip_id'))

    op.drop_table('vehicle')
